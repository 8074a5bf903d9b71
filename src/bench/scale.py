#!/usr/bin/env python3
"""Load figures on the data set (issue 12, README "Data set"): every request as another user of the set.

    ./mvnw -B -q package -DskipTests
    SCALE=1 KEEP=1 JAVA_OPTS=-Daskel.peer.rate-limit-posts=1000000 src/bench/dataset.sh   # prints ASKEL_URL=...
    ASKEL_URL=http://localhost:18080 python3 src/bench/scale.py

Signs in USERS generated clients and SPECIALISTS generated specialists (enrolling each one's second factor over
the API, as a new specialist would), then runs wrk (src/bench/scale-load.lua) for DURATION seconds at each of
CONNECTIONS on: (a) GET /api/v1/me, (b) the client dashboard, (c) a 20-post thread page, (d) a step save,
(e) the specialist's review queue, (f) a new peer post (start the service with a high askel.peer.rate-limit-posts, as
above: a client may post 10 times in 10 minutes, and the benchmark posts far more). The writes are counted afterwards through the API: every
acknowledged post must be in its thread, every acknowledged save must have moved its answer's revision. Prints a
table and writes target/scale-bench.json. Environment: USERS (200), SPECIALISTS (20), DURATION (10),
CONNECTIONS ("64"), WARMUP (seconds over all targets first, 60), THREADS (wrk threads, 2), PREFIX (ds),
PASSWORD (the data set's, Askel-dataset-2026!). Needs wrk and python3 only.
"""
import base64, concurrent.futures, hashlib, hmac, json, os, re, struct, subprocess, sys, tempfile, time
import urllib.error, urllib.request

URL = os.environ.get("ASKEL_URL") or sys.exit("Set ASKEL_URL to a service running on the data set (src/bench/dataset.sh, KEEP=1)")
USERS = int(os.environ.get("USERS", "200"))
SPECIALISTS = int(os.environ.get("SPECIALISTS", "20"))
DURATION = int(os.environ.get("DURATION", "10"))
CONNECTIONS = os.environ.get("CONNECTIONS", "64").split()
WARMUP = int(os.environ.get("WARMUP", "60"))
THREADS = os.environ.get("THREADS", "2")
PREFIX = os.environ.get("PREFIX", "ds")
PASSWORD = os.environ.get("PASSWORD", "Askel-dataset-2026!")
LUA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scale-load.lua")


def call(method, path, token=None, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(URL + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=60) as r:
        text = r.read().decode()
        return json.loads(text) if text else None


def totp(secret, step):
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", step), hashlib.sha1).digest()
    o = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[o:o + 4])[0] & 0x7FFFFFFF) % 1000000)


def client(n):
    token = call("POST", "/api/v1/auth/login", body={"username": "%s-c%05d" % (PREFIX, n), "password": PASSWORD})["token"]
    group = call("GET", "/api/v1/groups", token)[0]["id"]
    thread = call("GET", "/api/v1/groups/%d/threads" % group, token)["items"][0]["id"]
    step = None
    for a in call("GET", "/api/v1/assignments", token):
        if a["status"] in ("ASSIGNED", "IN_PROGRESS", "RETURNED"):
            detail = call("GET", "/api/v1/assignments/%d" % a["id"], token)
            reflection = [s for s in detail["steps"] if s["type"] == "reflection"]
            if reflection:
                step = (a["id"], reflection[0]["key"])
                break
    return {"token": token, "thread": thread, "step": step}


def specialist(n):
    login = call("POST", "/api/v1/auth/login", body={"username": "%s-s%04d" % (PREFIX, n), "password": PASSWORD})
    token = login["token"]
    if login.get("mfaEnrolmentRequired"):
        secret = call("POST", "/api/v1/me/mfa/totp", token, {})["secret"]
        call("POST", "/api/v1/me/mfa/totp/confirm", token, {"code": totp(secret, int(time.time()) // 30)})
    return token


def fresh_specialist(n):
    """A specialist's token, or None when an earlier run enrolled their second factor (its secret is gone with it)."""
    try:
        return specialist(n)
    except urllib.error.HTTPError as e:
        if e.code == 401:
            return None
        raise


def revisions(clients):
    seen = {}
    for c in clients:
        a, key = c["step"]
        detail = call("GET", "/api/v1/assignments/%d" % a, c["token"])
        seen[(a, key)] = next((s.get("revision") or 0) for s in detail["steps"] if s["key"] == key)
    return seen


def post_counts(clients):
    return {t: call("GET", "/api/v1/threads/%d" % t, tok)["posts"]["total"]
            for t, tok in {c["thread"]: c["token"] for c in clients}.items()}


def wrk(lines, conns, seconds):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        f.write("\n".join(lines) + "\n")
    env = dict(os.environ, SCALE_REQUESTS=f.name)
    out = subprocess.run(["wrk", "-t" + THREADS, "-c" + str(conns), "-d%ds" % seconds, "--timeout", "10s", "--latency",
                          "-s", LUA, URL], env=env, capture_output=True, text=True).stdout
    os.unlink(f.name)
    return out


def ms(text):
    value = float(re.match(r"[\d.]+", text).group())
    return value / 1000 if text.endswith("us") else value * 1000 if text.endswith("s") and not text.endswith("ms") else value


def parse(out):
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    counts = json.loads(re.search(r"^SCALE (.*)$", out, re.M).group(1))
    socket = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"rps": float(rps.group(1)) if rps else 0.0, "p50_ms": ms(lat["50"]) if "50" in lat else None,
            "p99_ms": ms(lat["99"]) if "99" in lat else None, "ok": counts["ok"], "failed": counts["failed"] + socket,
            "failed_statuses": counts["statuses"], "socket_errors": socket, "first_failure": counts["firstFailure"]}


def main():
    began = time.time()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        clients = list(pool.map(client, range(1, USERS + 1)))
        staff = [t for t in pool.map(fresh_specialist, range(1, SPECIALISTS * 3 + 1)) if t][:SPECIALISTS]
    if len(staff) < SPECIALISTS:
        sys.exit("Only %d generated specialists could sign in without a second factor we know" % len(staff))
    savers = [c for c in clients if c["step"]]
    print("Signed in %d clients (%d with an open reflection step) and %d specialists in %.0f s"
          % (len(clients), len(savers), len(staff), time.time() - began), file=sys.stderr)
    bearer = lambda t: "Authorization\tBearer " + t
    cookie = lambda t: "Cookie\taskel_token=" + t
    targets = [
        ("(a) GET /api/v1/me", [bearer(c["token"]) + "\tGET\t/api/v1/me\t" for c in clients], None),
        ("(b) client dashboard", [cookie(c["token"]) + "\tGET\t/\t" for c in clients], None),
        ("(c) thread page, 20 posts", [cookie(c["token"]) + "\tGET\t/threads/%d\t" % c["thread"] for c in clients], None),
        ("(d) step save", [bearer(c["token"]) + "\tPUT\t/api/v1/assignments/%d/steps/%s\t%s" % (
            c["step"][0], c["step"][1], json.dumps({"answer": {"text": "Kuormitustesti {n}"}, "final": False}))
            for c in savers], "saves"),
        ("(e) review queue (specialist)", [cookie(t) + "\tGET\t/reviews\t" for t in staff], None),
        ("(f) new peer post", [bearer(c["token"]) + "\tPOST\t/api/v1/threads/%d/posts\t%s" % (
            c["thread"], json.dumps({"body": "Kiitos vinkistä, kokeilen huomenna ({n})."})) for c in clients], "posts"),
    ]
    if WARMUP > 0:
        for name, lines, writes in targets:
            if not writes:
                wrk(lines, 32, max(1, WARMUP // len(targets)))
    results = []
    print("%-32s %6s %10s %8s %8s %7s  %s" % ("request", "conns", "req/s", "p50 ms", "p99 ms", "vs (a)", "errors, writes"))
    for conns in CONNECTIONS:
        ceiling = None
        for name, lines, writes in targets:
            before = revisions(savers) if writes == "saves" else post_counts(clients) if writes == "posts" else None
            r = parse(wrk(lines, conns, DURATION))
            r.update(request=name, connections=int(conns))
            if writes == "saves":
                after = revisions(savers)
                r["rows_moved"] = sum(after[k] - before[k] for k in after)
            elif writes == "posts":
                after = post_counts(clients)
                r["rows_moved"] = sum(after[k] - before[k] for k in after)
            if writes:
                # wrk stops reading at the end, so writes still on their way are done but not acknowledged: more rows
                # than acknowledgements is expected; fewer would be a lost write.
                r["lost"] = max(0, r["ok"] - r["rows_moved"])
            ceiling = ceiling or r["rps"]
            r["share_of_a"] = round(100 * r["rps"] / ceiling) if ceiling else None
            note = "" if writes is None else ", %d acknowledged, %d counted after, %d lost" % (r["ok"], r["rows_moved"], r["lost"])
            print("%-32s %6s %10.1f %8.1f %8.1f %6d %%  %d%s" % (name, conns, r["rps"], r["p50_ms"] or 0, r["p99_ms"] or 0,
                                                          r["share_of_a"], r["failed"], note))
            if r["failed"]:
                print("    failed: statuses %s, %d socket errors or timeouts; first: %s"
                      % (r["failed_statuses"], r["socket_errors"], r["first_failure"][:200]))
            results.append(r)
    os.makedirs("target", exist_ok=True)
    with open("target/scale-bench.json", "w") as f:
        json.dump({"url": URL, "users": len(clients), "specialists": len(staff), "duration_s": DURATION,
                   "cores": os.cpu_count(), "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "results": results}, f, indent=2)
    print("Wrote target/scale-bench.json", file=sys.stderr)


if __name__ == "__main__":
    main()
