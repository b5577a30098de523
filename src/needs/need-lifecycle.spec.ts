import { DomainError } from '../common/errors/domain-error.js';
import { allowedTransitions, assertTransition, isEditable, nextStatus, type NeedAction, type NeedStatus } from './need-lifecycle.js';

describe('need lifecycle', () => {
  it.each<[NeedStatus, NeedAction[]]>([
    ['draft', ['submit']],
    ['submitted', ['publish', 'request-changes', 'reject']],
    ['changes_requested', ['submit']],
    ['published', ['close']],
    ['rejected', []],
    ['closed', []],
  ])('allows from %s exactly %j', (status, actions) => {
    expect(allowedTransitions(status)).toEqual(actions);
  });

  it.each<[NeedStatus, NeedAction, NeedStatus]>([
    ['draft', 'submit', 'submitted'],
    ['submitted', 'publish', 'published'],
    ['submitted', 'request-changes', 'changes_requested'],
    ['submitted', 'reject', 'rejected'],
    ['changes_requested', 'submit', 'submitted'],
    ['published', 'close', 'closed'],
  ])('moves %s through %s to %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
    expect(assertTransition(from, action)).toBe(to);
  });

  it.each<[NeedStatus, NeedAction]>([
    ['draft', 'publish'],
    ['draft', 'close'],
    ['submitted', 'submit'],
    ['submitted', 'close'],
    ['changes_requested', 'publish'],
    ['published', 'reject'],
    ['rejected', 'submit'],
    ['closed', 'close'],
  ])('refuses %s through %s with a 409 listing the allowed actions', (from, action) => {
    expect(nextStatus(from, action)).toBeNull();
    let error: unknown;
    try {
      assertTransition(from, action);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'NEED_INVALID_TRANSITION',
      status: 409,
      details: { status: from, action, allowed: allowedTransitions(from) },
    });
  });

  it.each<[NeedStatus, boolean]>([
    ['draft', true],
    ['changes_requested', true],
    ['submitted', false],
    ['published', false],
    ['rejected', false],
    ['closed', false],
  ])('lets the buyer edit a %s need: %s', (status, editable) => {
    expect(isEditable(status)).toBe(editable);
  });
});
