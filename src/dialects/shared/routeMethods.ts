import type { RequestHandler } from 'express';
import { AppError } from '../../errors/catalogue';

/** Search routes answer GET, HEAD and POST; anything else is a 405 with `Allow`. */
export const getOrPost: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'POST') { next(); return; }
  res.set('Allow', 'GET, HEAD, POST');
  next(new AppError('method_not_allowed', `Method ${req.method} is not allowed here; use GET or POST.`));
};
