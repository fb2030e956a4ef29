// Typed application errors: each carries an HTTP status and a Chinese message that tells the user what to do.

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'busy';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  busy: 503,
};

const DEFAULT_MESSAGE: Record<ErrorCode, string> = {
  bad_request: '提交的内容有误，请检查后重试。',
  unauthorized: '请先登录。',
  forbidden: '您没有权限进行此操作。',
  not_found: '要找的内容不存在。',
  conflict: '内容已被他人修改，请刷新后重试。',
  payload_too_large: '提交的内容过大，请删减后重试。',
  unsupported_media_type: '请以 JSON 格式（Content-Type: application/json）提交。',
  rate_limited: '操作过于频繁，请稍后再试。',
  busy: '系统繁忙，请稍后重试。',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? DEFAULT_MESSAGE[code]);
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS[code];
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
