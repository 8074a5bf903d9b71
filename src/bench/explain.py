#!/usr/bin/env python3
"""The query plan of every statement the hot requests send, on the data set (issue 12: "EXPLAIN each hot query at
scale 1 and keep no full scans").

    ./mvnw -B -q package -DskipTests
    SCALE=1 KEEP=1 src/bench/dataset.sh                 # prints ASKEL_URL=… and the data folder
    ASKEL_URL=http://localhost:18080 DATA_DIR=/tmp/askel-bench.… python3 src/bench/explain.py

Signs in one generated client and one generated specialist (as scale.py does), turns the embedded server's general
log on (as root over <DATA_DIR>/db/mariadb.sock, like trace.sh: for a benchmark machine only), sends each hot request
once, turns the log off, and runs EXPLAIN on every distinct statement the requests sent. A plan step is a problem
when it reads a whole table or a whole index (type ALL or index) of more than MIN_ROWS rows (default 1000) — the
tables that grow with the provider; a scan of a small lookup table is fine. Prints each request with its statement
count and problems, writes target/explain.json, and exits with 1 when there is a problem.
Environment: ASKEL_URL, DATA_DIR (the service's askel.data-dir), PREFIX (ds), CLIENT (1), SPECIALIST (1: the first
specialist not yet enrolled from there on signs in and enrols a second factor), MIN_ROWS.
"""
import json, os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scale  # noqa: E402  (sign-in helpers of the load benchmark)

DATA_DIR = os.environ.get("DATA_DIR") or sys.exit("Set DATA_DIR to the running service's data folder (askel.data-dir)")
SOCKET = os.path.join(DATA_DIR, "db", "mariadb.sock")
MIN_ROWS = int(os.environ.get("MIN_ROWS", "1000"))
CLIENT = int(os.environ.get("CLIENT", "1"))
SPECIALIST = int(os.environ.get("SPECIALIST", "1"))


def db(sql, database="askel"):
    out = subprocess.run(["mariadb", "-S", SOCKET, "-u", "root", "-B", "--raw", database, "-e", sql],
                         check=True, capture_output=True, text=True).stdout
    lines = out.splitlines()
    if not lines:
        return []
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"))) for line in lines[1:]]


def http(method, path, token, body=None, cookie=False):
    import urllib.request
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(scale.URL + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    req.add_header("Cookie" if cookie else "Authorization", ("askel_token=" if cookie else "Bearer ") + token)
    with urllib.request.urlopen(req, timeout=60) as r:
        r.read()
        return r.status


def traced(name, send):
    db("SET GLOBAL log_output = 'TABLE'; TRUNCATE mysql.general_log; SET GLOBAL general_log = 1", "mysql")
    try:
        status = send()
    finally:
        db("SET GLOBAL general_log = 0", "mysql")
    rows = db("SELECT argument FROM mysql.general_log WHERE command_type IN ('Query', 'Execute')"
              " AND argument NOT LIKE 'SET GLOBAL general_log%' ORDER BY event_time", "mysql")
    return name, status, [r["argument"].replace("\\n", " ") for r in rows]


def shape(sql):
    """The statement with its values taken out, so the same query with other ids counts once."""
    return re.sub(r"\b\d+\b", "?", re.sub(r"'(?:[^'\\]|\\.)*'", "?", sql))


def explain(sql):
    if not re.match(r"\s*(select|update|delete|insert\s+into\s+\S+\s+select)\b", sql, re.I):
        return []
    try:
        plan = db("EXPLAIN " + sql)
    except subprocess.CalledProcessError as e:
        return [{"error": e.stderr.strip()}]
    problems = []
    for step in plan:
        m = re.match(r"\d+", step.get("rows") or "")  # "1234", or "1 (0%)" in some plans, or NULL
        rows = int(m.group()) if m else 0
        if step.get("type") in ("ALL", "index") and rows > MIN_ROWS:
            problems.append({"table": step.get("table"), "type": step.get("type"), "rows": rows,
                             "key": step.get("key"), "extra": step.get("Extra")})
    return problems


def main():
    c = scale.client(CLIENT)
    s = None
    for n in range(SPECIALIST, SPECIALIST + 50):  # a specialist enrolled by an earlier run needs a code we no longer have
        try:
            s = scale.specialist(n)
            break
        except scale.urllib.error.HTTPError as e:
            if e.code != 401:
                raise
    s or sys.exit("No generated specialist could sign in")
    client_id = scale.call("GET", "/api/v1/me", c["token"])["id"]
    group = scale.call("GET", "/api/v1/groups", c["token"])[0]["id"]
    requests = [
        ("GET /api/v1/me", lambda: http("GET", "/api/v1/me", c["token"])),
        ("client dashboard", lambda: http("GET", "/", c["token"], cookie=True)),
        ("thread page", lambda: http("GET", "/threads/%d" % c["thread"], c["token"], cookie=True)),
        ("group page", lambda: http("GET", "/groups/%d" % group, c["token"], cookie=True)),
        ("new peer post", lambda: http("POST", "/api/v1/threads/%d/posts" % c["thread"], c["token"],
                                       {"body": "Kiitos vinkistä, kokeilen huomenna."})),
        ("specialist dashboard", lambda: http("GET", "/", s, cookie=True)),
        ("review queue", lambda: http("GET", "/reviews", s, cookie=True)),
        ("clients list", lambda: http("GET", "/clients", s, cookie=True)),
    ]
    if c["step"]:
        assignment, key = c["step"]
        requests.insert(4, ("step save", lambda: http("PUT", "/api/v1/assignments/%d/steps/%s" % (assignment, key),
                                                      c["token"], {"answer": {"text": "Selitys"}, "final": False})))
        requests.insert(4, ("assignment page", lambda: http("GET", "/assignments/%d" % assignment, c["token"],
                                                            cookie=True)))
    # the specialist's own client: the first one on their list
    mine = scale.call("GET", "/api/v1/clients", s)
    mine = mine.get("items", mine) if isinstance(mine, dict) else mine
    if mine:
        requests.append(("specialist's client page", lambda: http("GET", "/clients/%d" % mine[0]["id"], s, cookie=True)))
    report, bad = [], 0
    print("%-28s %6s %10s  %s" % ("request", "status", "statements", "plan steps reading > %d rows whole" % MIN_ROWS))
    for name, send in requests:
        name, status, statements = traced(name, send)
        seen, findings = set(), []
        for sql in statements:
            if shape(sql) in seen:
                continue
            seen.add(shape(sql))
            for p in explain(sql):
                findings.append(dict(p, sql=sql[:400]))
        bad += len(findings)
        print("%-28s %6s %10d  %s" % (name, status, len(statements), "none" if not findings else ""))
        for f in findings:
            print("    %s" % json.dumps(f, ensure_ascii=False))
        report.append({"request": name, "status": status, "statements": len(statements), "findings": findings})
    os.makedirs("target", exist_ok=True)
    with open("target/explain.json", "w") as f:
        json.dump({"minRows": MIN_ROWS, "client": client_id, "requests": report}, f, indent=1, ensure_ascii=False)
    print("Wrote target/explain.json", file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
