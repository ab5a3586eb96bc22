package dev.whiteboard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.whiteboard.errors.ErrorBody;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Violations become the app's 400 body, naming the parameter as the client wrote it, or the body's property. */
class ConstraintViolationMapperTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    public record Title(@NotNull @Size(max = 5) String title) {}

    public record Change(@Valid List<@Valid Title> put) {}

    public static class Resource {
        public void list(
                @QueryParam("offset") @Pattern(regexp = WholeNumber.INT, message = WholeNumber.MESSAGE) String offset,
                @QueryParam("limit") @Pattern(regexp = WholeNumber.INT, message = WholeNumber.MESSAGE) String limit) {}

        public void room(
                @PathParam("room") @Pattern(regexp = WholeNumber.LONG, message = WholeNumber.MESSAGE) String id) {}

        public void create(@Valid Change body) {}
    }

    /** What a container's proxy looks like: the method overridden, without the annotations. */
    public static class Proxy extends Resource {
        @Override
        public void list(String offset, String limit) {}
    }

    @Test
    void aQueryParameterIsNamedAsTheClientWroteIt() {
        ErrorBody body = describe(new Resource(), "list", "0", "x");
        assertEquals(400, body.status());
        assertEquals("invalid", body.error());
        assertEquals("limit", body.field());
        assertEquals("limit must be a whole number", body.message());
    }

    @Test
    void theNameIsFoundBehindAProxy() {
        assertEquals("offset", describe(new Proxy(), "list", "1.5", "10").field());
    }

    @Test
    void wholeNumbersPassAndOthersDoNot() {
        for (String ok : new String[] {"0", "-1", "500", "123456789"}) {
            assertEquals(0, violations(new Resource(), "list", ok, ok).size(), ok);
        }
        for (String bad : new String[] {"x", "1.5", "1e3", " 5", "", "1234567890", "--1"}) {
            assertEquals(1, violations(new Resource(), "list", "0", bad).size(), bad);
        }
    }

    @Test
    void aPathParameterIsNamedToo() {
        assertEquals("room", describe(new Resource(), "room", "abc").field());
    }

    @Test
    void aBodyPropertyIsNamedByItsPathInTheBody() {
        ErrorBody body = describe(new Resource(), "create", new Change(List.of(new Title("toolong"))));
        assertEquals("put.title", body.field());
        assertEquals(400, body.status());
    }

    @Test
    void severalViolationsGiveOneStableAnswer() {
        assertEquals("limit", describe(new Resource(), "list", "x", "y").field());
    }

    @Test
    void noViolationsStillGiveTheErrorBody() {
        ErrorBody body = ConstraintViolationMapper.describe(new ConstraintViolationException("none", null));
        assertEquals(400, body.status());
        assertNull(body.field());
    }

    private static ErrorBody describe(Resource resource, String method, Object... args) {
        return ConstraintViolationMapper.describe(new ConstraintViolationException(violations(resource, method, args)));
    }

    private static java.util.Set<jakarta.validation.ConstraintViolation<Resource>> violations(
            Resource resource, String name, Object... args) {
        for (Method method : resource.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                return VALIDATOR.forExecutables().validateParameters(resource, method, args);
            }
        }
        throw new IllegalArgumentException(name);
    }
}
