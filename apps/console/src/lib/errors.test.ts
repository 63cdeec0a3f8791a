import { Ec3lApiError } from '@ec3l/sdk';
import { describe, expect, it } from 'vitest';
import { errorCode, errorMessage, fieldErrorsFrom, formErrorsFrom, isNotFound } from './errors';

const validation = (details: unknown) =>
  new Ec3lApiError(400, {
    statusCode: 400,
    code: 'VALIDATION_ERROR',
    error: 'Bad Request',
    message: 'body/name must NOT have fewer than 1 characters',
    details,
  });

describe('fieldErrorsFrom', () => {
  it('maps body details to their field', () => {
    const error = validation([
      { in: 'body', path: '/name', message: 'must NOT have more than 120 characters' },
    ]);
    expect(fieldErrorsFrom(error)).toEqual({ name: 'must NOT have more than 120 characters' });
  });

  it('joins several messages for one field', () => {
    const error = validation([
      { in: 'body', path: '/name', message: 'too long' },
      { in: 'body', path: '/name', message: 'must match pattern' },
    ]);
    expect(fieldErrorsFrom(error)).toEqual({ name: 'too long; must match pattern' });
  });

  it('drops the anyOf noise of a nullable field', () => {
    const error = validation([
      { in: 'body', path: '/githubRepo', message: 'must NOT have more than 300 characters' },
      { in: 'body', path: '/githubRepo', message: 'must be null' },
      { in: 'body', path: '/githubRepo', message: 'must match a schema in anyOf' },
    ]);
    expect(fieldErrorsFrom(error)).toEqual({ githubRepo: 'must NOT have more than 300 characters' });
  });

  it('puts details that name no body field under _form', () => {
    const error = validation([
      { in: 'body', path: '/', message: 'must NOT have additional properties' },
      { in: 'querystring', path: '/limit', message: 'must be <= 200' },
    ]);
    expect(fieldErrorsFrom(error)).toEqual({
      _form: 'must NOT have additional properties; limit: must be <= 200',
    });
  });

  it('returns nothing for errors without details', () => {
    expect(fieldErrorsFrom(new Error('boom'))).toEqual({});
    expect(fieldErrorsFrom(new Ec3lApiError(409, { code: 'CONFLICT', message: 'taken' }))).toEqual({});
  });
});

describe('errorMessage', () => {
  it("uses the server's message", () => {
    const error = new Ec3lApiError(409, { code: 'CONFLICT', message: 'A project named X already exists' });
    expect(errorMessage(error)).toBe('A project named X already exists');
    expect(errorCode(error)).toBe('CONFLICT');
  });

  it('explains an unreachable gateway', () => {
    const error = new Ec3lApiError(502, { code: 'GATEWAY_UNAVAILABLE', message: 'ECONNREFUSED' });
    expect(errorMessage(error)).toMatch(/gateway is unreachable/);
  });

  it('explains a network failure', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/could not reach/);
  });
});

describe('isNotFound', () => {
  it('is true only for a 404 from the API', () => {
    expect(isNotFound(new Ec3lApiError(404, { code: 'NOT_FOUND', message: 'project x not found' }))).toBe(
      true,
    );
    expect(isNotFound(new Ec3lApiError(400, { code: 'VALIDATION_ERROR', message: 'bad' }))).toBe(false);
    expect(isNotFound(new Error('404'))).toBe(false);
  });
});

describe('formErrorsFrom', () => {
  it("puts validation details beside the form's fields and the rest under _form", () => {
    const error = validation([
      { in: 'body', path: '/name', message: 'must NOT have more than 100 characters' },
      { in: 'body', path: '/permissions/0', message: 'must be equal to one of the allowed values' },
    ]);
    expect(formErrorsFrom(error, ['name', 'description'])).toEqual({
      name: 'must NOT have more than 100 characters',
      _form: 'must be equal to one of the allowed values',
    });
  });

  it("shows a conflict's message for the whole form", () => {
    const error = new Ec3lApiError(409, {
      code: 'CONFLICT',
      message: 'a role named "Ops" already exists in this tenant',
      details: { field: 'name' },
    });
    expect(formErrorsFrom(error, ['name'])).toEqual({
      _form: 'a role named "Ops" already exists in this tenant',
    });
  });
});
