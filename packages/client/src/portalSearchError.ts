import { isOdsError, isProblem, type OdsErrorBody, type ProblemBody } from './errorBodies';

/** The body of an error answer: one of the API's two shapes, or the text itself when it is neither (a proxy's page, say). */
export type ErrorBody = OdsErrorBody | ProblemBody | string;

/**
 * An answer other than a success: its status, its body in the API's shape, and the parameter
 * it names when it names one (both shapes may). The message is the server's own.
 */
export class PortalSearchError extends Error {
  override readonly name = 'PortalSearchError';

  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    /** The method and URL of the request (without the API key, which never goes in a URL here). */
    readonly request: string,
  ) {
    super(`${request}: ${status} ${messageOf(body)}`);
  }

  /** The parameter or form field at fault, when the server named one. */
  get parameter(): string | undefined {
    return typeof this.body === 'string' ? undefined : this.body.parameter;
  }

  /** The body when it is an ODS error. */
  get ods(): OdsErrorBody | undefined {
    return isOdsError(this.body) ? this.body : undefined;
  }

  /** The body when it is problem details. */
  get problem(): ProblemBody | undefined {
    return isProblem(this.body) ? this.body : undefined;
  }

  /** Reads an error answer's body: JSON in one of the two shapes, or its text. */
  static async from(response: Response, request: string): Promise<PortalSearchError> {
    const text = await response.text().catch(() => '');
    let body: ErrorBody = text;
    try {
      const parsed: unknown = JSON.parse(text);
      if (isOdsError(parsed) || isProblem(parsed)) body = parsed;
    } catch {
      // Not JSON: the text is the body.
    }
    return new PortalSearchError(response.status, body, request);
  }
}

function messageOf(body: ErrorBody): string {
  if (typeof body === 'string') return body.slice(0, 200);
  return isProblem(body) ? `${body.title}: ${body.detail}` : body.error;
}
