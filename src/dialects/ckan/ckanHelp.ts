import type { Request } from 'express';

/** CKAN's `help` key: the URL of the action's documentation on this site. */
export const ckanHelp = (req: Request, action: string): string => `${req.protocol}://${req.get('host') ?? 'localhost'}/api/3/action/help_show?name=${action}`;
