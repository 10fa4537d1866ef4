package com.complaintdesk.completion;

import com.complaintdesk.complaint.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Bad input our listeners find in a completion (an amount of 0 for a refund, a duplicate of itself) reaches an engine
 * REST client as 400 naming the field, not 500: the engine wraps a task listener's exception, and the REST API answers
 * a wrapped exception with 500. Registered with the engine REST API's Jersey application ({@code /engine-rest}).
 */
@Component
class EngineRestInvalidInput implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(Mapper.class);
    }

    /** Ahead of the engine's own RestExceptionHandler; any other RestException is answered as that handler does. */
    @Priority(Priorities.USER - 100)
    public static class Mapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            if (invalidInput(exception) == null) {
                return new RestExceptionHandler().toResponse(exception);
            }
            ExceptionDto dto = ExceptionHandlerHelper.getInstance().fromException(exception);
            return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
        }

        private static InvalidInputException invalidInput(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof InvalidInputException invalid) {
                    return invalid;
                }
            }
            return null;
        }
    }
}
