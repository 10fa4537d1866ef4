package com.complaintdesk.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine refuses a deployment that would break work, whichever way it comes: the engine REST API (Camunda
 * Modeler's deploy button, scripts/deploy), the application's own deployment at start-up, or Java. It runs before
 * the engine's own deployers, in the deployment's transaction, so a refused deployment leaves nothing behind; the
 * problems travel as a {@link org.camunda.bpm.engine.ParseException}, which the REST API answers with 400 and one
 * entry per problem. A deployment that names forms or decisions it does not carry but which are deployed gets them
 * added (see {@link DeploymentCheck}), so the deployment binding of its tasks finds them.
 *
 * <p>Only new deployments are checked: the engine also runs its deployers when it reloads an old deployment into its
 * cache, and that must never fail.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(DeploymentGuard.class);

    private final DeploymentCheck check;

    DeploymentGuard(DeploymentCheck check) {
        this.check = check;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> preDeployers = new ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
            preDeployers.addAll(configuration.getCustomPreDeployers());
        }
        preDeployers.add(this);
        configuration.setCustomPreDeployers(preDeployers);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
        CommandContext commandContext = Context.getCommandContext();
        boolean byOwner = !ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE.equals(deployment.getSource());
        DeploymentCheck.Report report = check.check(resources, commandContext, byOwner);
        if (!report.deployable()) {
            log.warn("Deployment '{}' refused: {}", deployment.getName(), String.join(" | ", report.problems()));
            throw report.toParseException(String.join(", ", resources.keySet()));
        }
        for (DeploymentCheck.Borrowed borrowed : report.borrowed()) {
            if (deployment.getResource(borrowed.name()) != null) {
                continue;
            }
            ResourceEntity resource = new ResourceEntity();
            resource.setName(borrowed.name());
            resource.setBytes(borrowed.bytes());
            resource.setDeploymentId(deployment.getId());
            resource.setTenantId(deployment.getTenantId());
            resource.setType(ResourceTypes.REPOSITORY.getValue());
            resource.setCreateTime(ClockUtil.getCurrentTime());
            deployment.addResource(resource);
            commandContext.getResourceManager().insertResource(resource);
            log.info("Deployment '{}' takes {} from the deployed models, as its models name it", deployment.getName(), borrowed.name());
        }
    }
}
