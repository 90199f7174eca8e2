// Checks every shipped policy file against policies/policy.schema.json, the schema editors use while typing.
// The app's own reader is stricter (it also checks references and overlaps); this keeps the schema honest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const folder = 'policies';
const schema = JSON.parse(fs.readFileSync(path.join(folder, 'policy.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const files = fs.readdirSync(folder).filter(f => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json')).sort();
const read = file => {
  const text = fs.readFileSync(path.join(folder, file), 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
};
const problems = () => (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`).join('; ');

test('there are five seed policies', () => {
  assert.ok(files.length >= 5, `found ${files.join(', ')}`);
});

for (const file of files) {
  test(`${file} matches policy.schema.json`, () => {
    assert.ok(validate(read(file)), problems());
  });

  if (!file.endsWith('.json')) {
    test(`${file} points editors at the schema`, () => {
      const first = fs.readFileSync(path.join(folder, file), 'utf8').split('\n')[0];
      assert.equal(first, '# yaml-language-server: $schema=policy.schema.json');
    });
  }
}

// Example policies that are no seed (policies/examples/contracts/) are checked the same way.
const examples = path.join(folder, 'examples', 'contracts');
for (const file of fs.readdirSync(examples).filter(f => /\.ya?ml$/.test(f)).sort()) {
  test(`examples/contracts/${file} matches policy.schema.json`, () => {
    assert.ok(validate(YAML.parse(fs.readFileSync(path.join(examples, file), 'utf8'))), problems());
  });
}

test('the schema takes nextReply as a deadline target (business days too) and refuses every on it', () => {
  const policy = YAML.parse(fs.readFileSync(path.join(examples, 'helpdesk.yaml'), 'utf8'));
  assert.equal(policy.severities[0].targets.nextReply.within, '4h');
  const days = structuredClone(policy);
  days.severities[0].targets.nextReply = { businessDays: 1, calendar: 'office' };
  assert.ok(validate(days), problems());
  const wrong = structuredClone(policy);
  wrong.severities[0].targets.nextReply = { every: '4h', calendar: 'office' };
  assert.equal(validate(wrong), false, 'nextReply takes within or businessDays, not every');
});

test('the schema refuses a bad duration, an unknown field and a second trigger', () => {
  const policy = read(files[0]);
  const target = Object.values(policy.severities[0].targets)[0];
  const broken = structuredClone(policy);
  Object.values(broken.severities[0].targets)[0][target.every ? 'every' : 'within'] = '3x';
  assert.equal(validate(broken), false, 'a bad duration must fail');

  const typo = structuredClone(policy);
  typo.severites = [];
  assert.equal(validate(typo), false, 'an unknown top-level field must fail');

  const twoTriggers = structuredClone(policy);
  twoTriggers.escalations = [{ target: 'resolution', at: { breach: true, percent: 50 }, notify: ['assignee'] }];
  assert.equal(validate(twoTriggers), false, 'two triggers in one at must fail');
});

test('the schema takes yearly holiday rules in their three forms and refuses a rule mixing two', () => {
  const policy = read('xecuritas.yaml');
  const rules = policy.calendars.business.holidayRules;
  assert.deepEqual(rules.map(r => r.name).slice(0, 2), ["New Year's Day", "Presidents' Day"]);
  assert.ok(validate(policy), problems());

  const mixed = structuredClone(policy);
  mixed.calendars.business.holidayRules = [{ name: 'Odd', month: 'nov', day: 1, weekday: 'thu', week: 'fourth' }];
  assert.equal(validate(mixed), false, 'a fixed date with a weekday must fail');

  const badShift = structuredClone(policy);
  badShift.calendars.business.holidayRules = [{ name: 'Odd', month: 'jul', day: 4, observed: 'closestWeekday' }];
  assert.equal(validate(badShift), false, 'an unknown observed shift must fail');

  const relativeWithoutDays = structuredClone(policy);
  relativeWithoutDays.calendars.business.holidayRules = [{ name: 'Odd', relativeTo: 'Thanksgiving' }];
  assert.equal(validate(relativeWithoutDays), false, 'relativeTo without days must fail');
});

test('the schema takes internal: true on a target and refuses a non-boolean', () => {
  const policy = read('lumedx.yaml');
  assert.equal(policy.severities[0].targets.followUpCalls.internal, true);
  assert.ok(validate(policy), problems());

  const wrong = structuredClone(policy);
  wrong.severities[0].targets.followUpCalls.internal = 'yes';
  assert.equal(validate(wrong), false, 'internal must be true or false');
});

test('the schema takes later versions with a date and what they change, and refuses one without a date or with an id', () => {
  const policy = read('xecuritas.yaml');
  policy.versions = [
    { effectiveFrom: '2026-11-01', severities: policy.severities.slice(0, 1) },
    { effectiveFrom: '2027-01-01', appliesTo: 'openCases', calendars: { business: { holidays: ['2027-01-02'] } }, escalations: null },
  ];
  assert.ok(validate(policy), problems());

  for (const [change, why] of [
    [v => delete v.effectiveFrom, 'effectiveFrom is required'],
    [v => { v.effectiveFrom = '1 Nov 2026'; }, 'effectiveFrom is a date'],
    [v => { v.id = 'other'; }, 'a version keeps the policy id'],
    [v => { v.appliesTo = 'everyone'; }, 'appliesTo is newCases or openCases'],
  ]) {
    const wrong = structuredClone(policy);
    change(wrong.versions[0]);
    assert.equal(validate(wrong), false, why);
  }
});
