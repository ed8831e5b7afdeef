import { Router } from 'express';
import type { Deps } from '../../execute/deps';
import type { JobBus } from '../../execute/jobBus';
import { adminRoutes } from './adminRoutes';
import { datasetRoutes } from './datasetRoutes';
import { featuresRoute } from './featuresRoute';
import { jobRoutes } from './jobRoutes';
import { previewRoutes } from './previewRoutes';
import { publishRoutes } from './publishRoutes';
import { ruleRoutes } from './ruleRoutes';
import type { UploadLimits } from './receiveUpload';

/**
 * The management API under /api/management/v1 (README "Management API"): datasets from uploads,
 * their jobs with live progress, domains and keys. Every call needs a key of the right role;
 * errors are problem details.
 */
export function managementRouter(deps: Deps, bus: JobBus, uploads: UploadLimits, clock: () => number): Router {
  const router = Router();
  router.use(publishRoutes(deps, bus, uploads));
  router.use(previewRoutes(deps, uploads));
  router.use(ruleRoutes(deps));
  router.use(featuresRoute(deps, clock));
  router.use(datasetRoutes(deps, uploads.dir));
  router.use(jobRoutes(deps, bus));
  router.use(adminRoutes(deps));
  return router;
}
