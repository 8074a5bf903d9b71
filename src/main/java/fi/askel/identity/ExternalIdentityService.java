package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Linking broker identities to client accounts. Who may: an admin, or a specialist who may see the
 * client (UserService.findVisible); anyone else gets 404 as if the account did not exist. Staff
 * accounts are never linked: their second factor is Askel's own and a broker sign-in would skip it.
 */
@ApplicationScoped
public class ExternalIdentityService {

    static final int MAX_LENGTH = 255;

    private final UserService users;

    public ExternalIdentityService(UserService users) {
        this.users = users;
    }

    public List<ExternalIdentity> list(Caller caller, long userId) {
        User user = visible(caller, userId);
        return ExternalIdentity.listByUser(user.id);
    }

    @Transactional
    public ExternalIdentity link(Caller caller, long userId, LinkIdentityRequest req) {
        User user = visible(caller, userId);
        String issuer = req == null || req.issuer() == null ? "" : req.issuer().trim();
        String subject = req == null || req.subject() == null ? "" : req.subject().trim();
        validate(issuer, subject);
        if (user.role != Role.CLIENT) {
            throw ApiException.conflict("staff-not-linkable", "external-identity.staff");
        }
        if (ExternalIdentity.findLink(issuer, subject).isPresent()) {
            throw ApiException.conflict("external-identity-taken", "external-identity.taken");
        }
        ExternalIdentity link = new ExternalIdentity();
        link.issuer = issuer;
        link.subject = subject;
        link.userId = user.id;
        link.createdAt = Instant.now();
        link.createdBy = caller.id();
        link.persist();
        return link;
    }

    @Transactional
    public void unlink(Caller caller, long userId, long linkId) {
        User user = visible(caller, userId);
        ExternalIdentity link = ExternalIdentity.findById(linkId);
        if (link == null || !link.userId.equals(user.id)) {
            throw ApiException.notFound("external-identity");
        }
        link.delete();
    }

    private User visible(Caller caller, long userId) {
        return users.findVisible(caller, userId).orElseThrow(() -> ApiException.notFound("user"));
    }

    private static void validate(String issuer, String subject) {
        List<FieldError> errors = new ArrayList<>();
        if (issuer.isEmpty()) {
            errors.add(new FieldError("issuer", "external-identity.issuer.required"));
        } else if (issuer.length() > MAX_LENGTH || !(issuer.startsWith("https://") || issuer.startsWith("http://"))) {
            errors.add(new FieldError("issuer", "external-identity.issuer.invalid", MAX_LENGTH));
        }
        if (subject.isEmpty()) {
            errors.add(new FieldError("subject", "external-identity.subject.required"));
        } else if (subject.length() > MAX_LENGTH) {
            errors.add(new FieldError("subject", "external-identity.subject.too-long", MAX_LENGTH));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
