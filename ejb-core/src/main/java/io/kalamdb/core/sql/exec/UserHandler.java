package io.kalamdb.core.sql.exec;

import io.kalamdb.core.auth.UserService;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ast.SqlAlterUser;
import io.kalamdb.core.sql.parser.ast.SqlCreateUser;
import io.kalamdb.core.sql.parser.ast.SqlDropUser;

/** CREATE USER, ALTER USER … SET PASSWORD | ROLE | EMAIL, DROP USER (soft) — over {@link UserService}. */
public final class UserHandler {
    private final UserService users;

    /** @param users the user lifecycle service */
    public UserHandler(UserService users) {
        this.users = users;
    }

    /** @see UserService#create */
    public StatementResult create(SqlCreateUser stmt, StatementContext ctx) {
        UserId id = new UserId(stmt.getUserName());
        boolean created = users.create(ctx.session().role(), id, stmt.getPassword(),
                stmt.getRole() == null ? null : Role.parse(stmt.getRole()), stmt.getEmail(), stmt.isIfNotExists());
        return StatementResult.message(created ? "User '" + id + "' created" : "User '" + id + "' already exists",
                created ? 1 : 0, ctx.session().user());
    }

    /** @see UserService#setPassword @see UserService#setRole @see UserService#setEmail */
    public StatementResult alter(SqlAlterUser stmt, StatementContext ctx) {
        UserId id = new UserId(stmt.getUserName());
        switch (stmt.getProperty()) {
            case PASSWORD -> users.setPassword(ctx.session().user(), ctx.session().role(), id, stmt.getValue());
            case ROLE -> users.setRole(ctx.session().role(), id, Role.parse(stmt.getValue()));
            case EMAIL -> users.setEmail(ctx.session().user(), ctx.session().role(), id, stmt.getValue());
        }
        return StatementResult.message("User '" + id + "' altered", 1, ctx.session().user());
    }

    /** @see UserService#drop */
    public StatementResult drop(SqlDropUser stmt, StatementContext ctx) {
        UserId id = new UserId(stmt.getUserName());
        boolean dropped = users.drop(ctx.session().user(), ctx.session().role(), id, stmt.isIfExists());
        return StatementResult.message(dropped ? "User '" + id + "' dropped" : "User '" + id + "' does not exist",
                dropped ? 1 : 0, ctx.session().user());
    }
}
