package fi.askel.identity;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Accounts: who may create whom, what a valid account is, and password changes. */
@ApplicationScoped
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,63}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ClientDirectory clients;
    private final PasswordHashes hashes;

    public UserService(ClientDirectory clients, PasswordHashes hashes) {
        this.clients = clients;
        this.hashes = hashes;
    }

    @Transactional
    public Optional<User> findById(Long id) {
        return User.findByIdOptional(id);
    }

    @Transactional
    public Optional<User> findByUsername(String username) {
        return User.findByUsername(username);
    }

    /**
     * Accounts the caller may see: an admin all (optionally of one role), a specialist the clients
     * the {@link ClientDirectory} allows.
     */
    @Transactional
    public List<User> list(Caller caller, Role role, int page, int size) {
        return search(caller, role, null, page * size, size);
    }

    /**
     * The accounts {@code caller} may see, optionally only one role and only those whose name or
     * username contains {@code search} (a {@link UserSearch#pattern} or null); at most {@code max}
     * of them, skipping the first {@code first}.
     */
    @Transactional
    public List<User> search(Caller caller, Role role, String search, int first, int max) {
        if (caller.role() != Role.ADMIN) {
            return clients.clientsVisibleTo(caller, search, first, max);
        }
        StringBuilder where = new StringBuilder("from User u where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (search != null) {
            params.add(search);
            where.append(" and ").append(UserSearch.where(params.size()));
        }
        if (role != null) {
            params.add(role);
            where.append(" and u.role = ?").append(params.size());
        }
        where.append(role == null ? " order by u.role, u.displayName, u.id" : " order by u.displayName, u.id");
        return User.<User>find(where.toString(), params.toArray()).range(first, first + max - 1).list();
    }

    @Transactional
    public Optional<User> findVisible(Caller caller, long id) {
        return User.<User>findByIdOptional(id)
                .filter(u -> caller.role() == Role.ADMIN || u.id.equals(caller.id())
                        || (u.role == Role.CLIENT && clients.isVisibleTo(caller, u.id)));
    }

    /** Creates an account on behalf of {@code creator} (null only for the bootstrap and demo seeding). */
    @Transactional
    public User create(CreateUserRequest req, Caller creator) {
        if (creator != null && req.role() != null && !creator.role().mayCreate(req.role())) {
            throw ApiException.forbidden("user.create.role-not-allowed");
        }
        List<FieldError> errors = validate(req);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String username = req.username().trim().toLowerCase();
        if (User.findByUsername(username).isPresent()) {
            throw ApiException.conflict("username-taken", "user.username.taken", username);
        }
        User user = new User();
        user.username = username;
        user.displayName = req.displayName().trim();
        user.role = req.role();
        user.locale = req.locale() == null ? Messages.DEFAULT_LANGUAGE : req.locale();
        user.email = req.email() == null || req.email().isBlank() ? null : req.email().trim();
        user.passwordHash = hashes.hash(req.password());
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        user.createdBy = creator == null ? null : creator.id();
        user.persist();
        return user;
    }

    @Transactional
    public void changeLocale(Long userId, String locale) {
        if (Messages.language(locale) == null) {
            throw ApiException.invalid("locale", "user.locale.invalid");
        }
        User user = User.findById(userId);
        user.locale = locale;
        user.updatedAt = Instant.now();
    }

    List<FieldError> validate(CreateUserRequest req) {
        List<FieldError> errors = new ArrayList<>();
        if (req.username() == null || !USERNAME.matcher(req.username().trim().toLowerCase()).matches()) {
            errors.add(new FieldError("username", "user.username.invalid"));
        }
        if (req.displayName() == null || req.displayName().isBlank() || req.displayName().trim().length() > 120) {
            errors.add(new FieldError("displayName", "user.display-name.invalid"));
        }
        if (req.role() == null) {
            errors.add(new FieldError("role", "user.role.required"));
        }
        if (req.locale() != null && Messages.language(req.locale()) == null) {
            errors.add(new FieldError("locale", "user.locale.invalid"));
        }
        if (req.email() != null && !req.email().isBlank()
                && (req.email().length() > 254 || !EMAIL.matcher(req.email().trim()).matches())) {
            errors.add(new FieldError("email", "user.email.invalid"));
        }
        PasswordPolicy.check("password", req.password(), req.username(), req.role()).ifPresent(errors::add);
        return errors;
    }
}
