package dev.whiteboard.api;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.ErrorKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Bean Validation's verdict on a REST input as the app's error body: 400 {@code invalid}, {@code field} naming the
 * input as the client wrote it (the query or path parameter, or the body's property path such as {@code title}), and
 * a message that starts with that name. One violation is reported (the first by field name, so the answer is stable).
 *
 * <p>Being the most specific mapper for {@link ConstraintViolationException}, it wins over the runtime's own (Jersey
 * on Payara maps {@code ValidationException}; RESTEasy on WildFly its {@code ResteasyViolationException}, a subclass,
 * through a mapper for {@code ValidationException}) and keeps the one error format.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        return ErrorResponses.of(describe(e));
    }

    static ErrorBody describe(ConstraintViolationException e) {
        Optional<Violation> first = e.getConstraintViolations() == null
                ? Optional.empty()
                : e.getConstraintViolations().stream()
                        .map(Violation::of)
                        .min(Comparator.comparing(Violation::field, Comparator.nullsLast(Comparator.naturalOrder())));
        return first.map(v -> ErrorBody.of(
                        ErrorKind.INVALID, v.field() == null ? v.message() : v.field() + " " + v.message(), v.field()))
                .orElseGet(() -> ErrorBody.of(ErrorKind.INVALID, "the request is not valid", null));
    }

    record Violation(String field, String message) {

        static Violation of(ConstraintViolation<?> violation) {
            return new Violation(field(violation), violation.getMessage());
        }

        /**
         * A parameter by its JAX-RS name ({@code @QueryParam("limit")}), the Java name otherwise; a body's property
         * by its path inside the body ({@code put.z}); {@code null} for the body or the return value as a whole.
         */
        static String field(ConstraintViolation<?> violation) {
            List<Path.Node> nodes = StreamSupport.stream(
                            violation.getPropertyPath().spliterator(), false)
                    .toList();
            StringBuilder property = new StringBuilder();
            String parameter = null;
            Path.MethodNode method = null;
            for (Path.Node node : nodes) {
                if (node.getKind() == ElementKind.METHOD) {
                    method = node.as(Path.MethodNode.class);
                } else if (node.getKind() == ElementKind.PARAMETER) {
                    parameter = parameterName(violation.getRootBeanClass(), method, node.as(Path.ParameterNode.class));
                } else if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                    property.append(property.isEmpty() ? "" : ".").append(node.getName());
                } else if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return null;
                }
            }
            if (!property.isEmpty()) {
                return property.toString();
            }
            return parameter;
        }

        private static String parameterName(Class<?> resource, Path.MethodNode method, Path.ParameterNode parameter) {
            if (method != null) {
                // the resource may be a container's subclass (a CDI proxy) whose overriding method has no annotations
                for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
                    try {
                        Method declared = type.getDeclaredMethod(
                                method.getName(), method.getParameterTypes().toArray(Class<?>[]::new));
                        Optional<String> name =
                                jaxRsName(declared.getParameterAnnotations()[parameter.getParameterIndex()]);
                        if (name.isPresent()) {
                            return name.get();
                        }
                    } catch (NoSuchMethodException | RuntimeException notHere) {
                        // look further up
                    }
                }
            }
            return parameter.getName();
        }

        private static Optional<String> jaxRsName(Annotation[] annotations) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam q) {
                    return Optional.of(q.value());
                } else if (annotation instanceof PathParam p) {
                    return Optional.of(p.value());
                } else if (annotation instanceof HeaderParam h) {
                    return Optional.of(h.value());
                } else if (annotation instanceof FormParam f) {
                    return Optional.of(f.value());
                } else if (annotation instanceof CookieParam c) {
                    return Optional.of(c.value());
                } else if (annotation instanceof MatrixParam m) {
                    return Optional.of(m.value());
                }
            }
            return Optional.empty();
        }
    }
}
