/**
 * Times that must agree: a measurement ends after it starts, an embargo lies in
 * the future and after the data were created, and data are kept at least as
 * long as the facility's retention policy (config.retentionYears) demands.
 */
import { preview } from '../../core/findings.ts';
import { isObject, timeOf, type RecordRule, type RuleIssue } from './context.ts';

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** startTime <= endTime (datasets, proposals); embargo and retention (datasets). */
export const timesRule: RecordRule = ({ type, record }, ctx) => {
  const issues: RuleIssue[] = [];
  const start = timeOf(record.startTime);
  const end = timeOf(record.endTime);
  if (start !== undefined && end !== undefined && start > end) {
    issues.push({
      severity: 'error',
      code: 'time/order',
      pointer: '/endTime',
      message: `endTime ${preview(record.endTime)} is before startTime ${preview(record.startTime)}`,
      expected: `a time at or after ${String(record.startTime)}`,
      found: preview(record.endTime),
      fix: 'Swap the two times, or check the time zone offsets (a missing "+01:00" shifts a time by an hour).',
    });
  }
  if (type !== 'dataset') return issues;
  const created = timeOf(record.creationTime);
  const access = record.access;
  if (isObject(access) && access.status === 'embargoed') {
    const until = timeOf(access.embargoedUntil);
    if (access.embargoedUntil === undefined) {
      issues.push({
        severity: 'error',
        code: 'embargo/missing-date',
        pointer: '/access/embargoedUntil',
        message: 'the dataset is embargoed but has no embargoedUntil date',
        expected: `a date such as ${day(Date.parse(ctx.now) + 365 * 864e5)}`,
        found: 'no embargoedUntil',
        fix: `Add "embargoedUntil" (usually creation + ${ctx.config?.defaultEmbargoYears ?? 3} years) or set access.status to "public".`,
      });
    } else if (until !== undefined) {
      if (until <= Date.parse(ctx.now)) {
        issues.push({
          severity: 'warning',
          code: 'embargo/ended',
          pointer: '/access/status',
          message: `embargo has ended: set access.status to public (embargoedUntil ${String(access.embargoedUntil)} has passed)`,
          expected: '"public" once the embargo date has passed',
          found: '"embargoed"',
          fix: 'Set access.status to "public" and remove embargoedUntil, or extend embargoedUntil if the embargo was prolonged.',
        });
      }
      if (created !== undefined && until < created) {
        issues.push({
          severity: 'error',
          code: 'embargo/before-creation',
          pointer: '/access/embargoedUntil',
          message: `embargoedUntil ${String(access.embargoedUntil)} is before the dataset was created (${String(record.creationTime)})`,
          expected: `a date after ${day(created)}`,
          found: preview(access.embargoedUntil),
          fix: 'Correct embargoedUntil (typically creation date plus the embargo period).',
        });
      }
    }
  }
  const years = ctx.config?.retentionYears;
  const retention = timeOf(record.retentionUntil);
  if (retention !== undefined && created !== undefined && typeof years === 'number') {
    const min = new Date(created);
    min.setUTCFullYear(min.getUTCFullYear() + years);
    // Compare whole (UTC) days: retentionUntil is usually a date, creationTime an instant.
    if (Math.floor(retention / 864e5) < Math.floor(min.getTime() / 864e5)) {
      issues.push({
        severity: 'error',
        code: 'retention/too-short',
        pointer: '/retentionUntil',
        message: `retentionUntil ${String(record.retentionUntil)} is less than the ${years} years after creation that the facility's retention policy requires`,
        expected: `${day(min.getTime())} or later (creationTime + retentionYears from catalog/config.json)`,
        found: preview(record.retentionUntil),
        fix: `Set retentionUntil to "${day(min.getTime())}" or later.`,
      });
    }
  }
  return issues;
};
