package com.complaintdesk.config;

import com.complaintdesk.complaint.AlreadyDoneException;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.identity.AsApplication;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Clean answers of the engine REST API (/engine-rest, and the web apps' engine API that Tasklist and Cockpit call)
 * where the engine's own mapping says 500:
 * <ul>
 *   <li>409 for a lost race: an OptimisticLockingException (two requests completed one task, or answered one message,
 *       at once: the loser's transaction is rolled back, nothing happens twice), and completing a task that a
 *       concurrent request already completed (404 for a task that never was), also when the engine read the task just
 *       before the other request committed and then found the task's authorizations deleted with it (an
 *       AuthorizationException for a user who was the task's assignee or candidate); and an AlreadyDoneException, which one of
 *       our steps throws when it finds, under a row lock, that a concurrent request did the same first (an offer
 *       answered by the complainant online while an agent records the answer);</li>
 *   <li>400 naming the field for an integrator's bad value that one of our steps refuses while a message is correlated
 *       or a task completed (InvalidInputException: unknown regulator, a referral reference already recorded, an
 *       unknown legal forum...); the step's transaction is rolled back, nothing is written.</li>
 * </ul>
 * Everything else is answered as Camunda answers it (ExceptionHandlerHelper). The mappers are registered with a
 * priority above Camunda's own, through Spring Boot's Jersey customizer (/engine-rest) and {@link #webappEngineApi}.
 */
@Configuration
class EngineRestAnswers {

    private static final Logger log = LoggerFactory.getLogger(EngineRestAnswers.class);
    private static final int ABOVE_CAMUNDA = 100;
    /** A task completion, in /engine-rest ({@code task/..}) and in the web apps' API ({@code engine/default/task/..}). */
    private static final Pattern TASK_COMPLETION =
            Pattern.compile("^/?(?:engine/[^/]+/)?task/([^/]+)/(complete|submit-form)/?$");
    /** The servlet name under which the Camunda web apps register their engine API (CamundaBpmWebappInitializer). */
    static final String WEBAPP_ENGINE_API = "Engine Api";

    @Bean
    ResourceConfigCustomizer engineRestExceptionMappers(ProcessEngine processEngine) {
        return config -> register(config, processEngine);
    }

    /**
     * The engine API the web apps call (Tasklist completes tasks through {@code /camunda/api/engine/engine/default}):
     * the same JAX-RS application Camunda registers there, with our answers added. Registered before the web apps'
     * initializer, which keeps a servlet of this name when one exists; a lost race in Tasklist is then a 409 as in
     * /engine-rest, not a 500.
     */
    @Bean
    ServletRegistrationBean<ServletContainer> webappEngineApi(ProcessEngine processEngine, CamundaBpmProperties camunda) {
        ResourceConfig config = ResourceConfig.forApplicationClass(EngineRestApplication.class);
        register(config, processEngine);
        ServletRegistrationBean<ServletContainer> registration = new ServletRegistrationBean<>(new ServletContainer(config),
                camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setName(WEBAPP_ENGINE_API);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static void register(ResourceConfig config, ProcessEngine processEngine) {
        // Jersey picks the mapper of the nearest exception type, and among equals the one of highest priority
        config.register(new RestExceptions(processEngine), Map.of(ExceptionMapper.class, ABOVE_CAMUNDA));
        config.register(new EngineExceptions(processEngine), Map.of(ExceptionMapper.class, ABOVE_CAMUNDA));
        config.register(new LostRaces(processEngine), Map.of(ExceptionMapper.class, ABOVE_CAMUNDA));
        config.register(new InvalidInputs(processEngine), Map.of(ExceptionMapper.class, ABOVE_CAMUNDA));
        config.register(new AlreadyDone(processEngine), Map.of(ExceptionMapper.class, ABOVE_CAMUNDA));
    }

    @Priority(ABOVE_CAMUNDA)
    static final class RestExceptions extends Mapper<RestException> {
        RestExceptions(ProcessEngine processEngine) {
            super(processEngine);
        }
    }

    @Priority(ABOVE_CAMUNDA)
    static final class EngineExceptions extends Mapper<ProcessEngineException> {
        EngineExceptions(ProcessEngine processEngine) {
            super(processEngine);
        }
    }

    @Priority(ABOVE_CAMUNDA)
    static final class LostRaces extends Mapper<OptimisticLockingException> {
        LostRaces(ProcessEngine processEngine) {
            super(processEngine);
        }
    }

    @Priority(ABOVE_CAMUNDA)
    static final class InvalidInputs extends Mapper<InvalidInputException> {
        InvalidInputs(ProcessEngine processEngine) {
            super(processEngine);
        }
    }

    @Priority(ABOVE_CAMUNDA)
    static final class AlreadyDone extends Mapper<AlreadyDoneException> {
        AlreadyDone(ProcessEngine processEngine) {
            super(processEngine);
        }
    }

    /** What the engine's and the REST layer's exceptions mean to us, otherwise Camunda's answer. */
    abstract static class Mapper<E extends Throwable> implements ExceptionMapper<E> {

        private final ProcessEngine processEngine;
        @Context
        UriInfo uriInfo;

        Mapper(ProcessEngine processEngine) {
            this.processEngine = processEngine;
        }

        @Override
        public Response toResponse(E exception) {
            InvalidInputException invalid = cause(exception, InvalidInputException.class);
            if (invalid != null) {
                log.info("Engine REST request refused: {}", invalid.getMessage());
                return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", invalid.getMessage());
            }
            AlreadyDoneException done = cause(exception, AlreadyDoneException.class);
            if (done != null) {
                log.info("Engine REST request lost a race: {}", done.getMessage());
                return answer(Response.Status.CONFLICT, "AlreadyDone", done.getMessage());
            }
            if (cause(exception, OptimisticLockingException.class) != null) {
                log.info("Engine REST request lost a race: {}", exception.getMessage());
                return answer(Response.Status.CONFLICT, "OptimisticLockingException",
                        "Another request changed the same data at the same time; this one was not carried out. Reload and try again");
            }
            AuthorizationException refused = cause(exception, AuthorizationException.class);
            if (refused != null) {
                String taskId = completedTaskId();
                if (taskId != null && mayHaveWorkedOnEnded(taskId, refused.getUserId())) {
                    log.info("Engine REST request lost a race: task {} was completed by another request while {} completed it",
                            taskId, refused.getUserId());
                    return answer(Response.Status.CONFLICT, "TaskAlreadyCompleted", "Task " + taskId + " is already completed");
                }
                return ExceptionHandlerHelper.getInstance().getResponse(exception);
            }
            if ((exception instanceof RestException || exception instanceof ProcessEngineException)
                    && cause(exception, NullValueException.class) != null) {
                String taskId = completedTaskId();
                if (taskId != null) {
                    return taskEnded(taskId)
                            ? answer(Response.Status.CONFLICT, "TaskAlreadyCompleted", "Task " + taskId + " is already completed")
                            : answer(Response.Status.NOT_FOUND, "InvalidRequestException", "No task " + taskId);
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }

        /** The id of the task this request tried to complete (complete, submit-form), or null for another request. */
        private String completedTaskId() {
            if (uriInfo == null) {
                return null;
            }
            Matcher matcher = TASK_COMPLETION.matcher(uriInfo.getPath());
            return matcher.matches() ? matcher.group(1) : null;
        }

        /** Whether the task existed and was completed (the engine's history says so): a concurrent request was first. */
        private boolean taskEnded(String taskId) {
            return AsApplication.call(processEngine.getIdentityService(), () -> processEngine.getHistoryService()
                    .createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0);
        }

        /**
         * Whether the task has ended and the user was its assignee, owner or candidate (by name or group), as the engine's
         * history records it: the user had the right to work on it, and the refusal only means the task and its
         * authorizations were deleted by a concurrent completion. Anybody else, and any refusal on an open task, keeps
         * the engine's 403.
         */
        private boolean mayHaveWorkedOnEnded(String taskId, String userId) {
            if (userId == null) {
                return false;
            }
            return AsApplication.call(processEngine.getIdentityService(), () -> {
                HistoricTaskInstance task = processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
                if (task == null || task.getEndTime() == null) {
                    return false;
                }
                if (userId.equals(task.getAssignee()) || userId.equals(task.getOwner())) {
                    return true;
                }
                Set<String> groups = processEngine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
                        .map(Group::getId).collect(Collectors.toSet());
                // the user's or a group's candidacy as it stood when the task ended: its last add or delete
                Map<String, HistoricIdentityLinkLog> last = new HashMap<>();
                processEngine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.CANDIDATE)
                        .orderByTime().asc().list()
                        .forEach(link -> last.put(link.getUserId() + "/" + link.getGroupId(), link));
                return last.values().stream()
                        .filter(link -> "add".equals(link.getOperationType()))
                        .anyMatch(link -> userId.equals(link.getUserId()) || groups.contains(link.getGroupId()));
            });
        }

        private static <T extends Throwable> T cause(Throwable exception, Class<T> type) {
            for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (type.isInstance(t)) {
                    return type.cast(t);
                }
            }
            return null;
        }

        private static Response answer(Response.Status status, String type, String message) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", type, "message", message)).build();
        }
    }
}
