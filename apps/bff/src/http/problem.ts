import type { Response } from 'express';
import type { ProblemDetails } from '@colibri/jmap-types';

/** RFC 7807 problem details, as RFC 8620 §3.6.1 uses them for request-level errors. */
export function sendProblem(res: Response, problem: ProblemDetails): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}
