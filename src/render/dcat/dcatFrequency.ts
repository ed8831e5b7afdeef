import { fold } from '../../text/fold';
import { EU_AUTHORITY } from './dcatTerms';

/**
 * ODS's `accrualperiodicity` is free text (the Paris catalog writes `Annuelle`, `annuelle`,
 * `Pas de mise à jour`, …). The words below name one period without doubt and become a concept
 * of the EU frequency table; ambiguous ones (`Bi-annuelle`: twice a year or every other year?
 * `Ponctuelle`, `Au fil du temps`) are left out rather than guessed.
 */
const FREQUENCIES: ReadonlyMap<string, string> = new Map([
  ['annuelle', 'ANNUAL'], ['annuel', 'ANNUAL'], ['annual', 'ANNUAL'], ['yearly', 'ANNUAL'],
  ['semestrielle', 'ANNUAL_2'], ['semestriel', 'ANNUAL_2'], ['semiannual', 'ANNUAL_2'],
  ['trimestrielle', 'QUARTERLY'], ['trimestriel', 'QUARTERLY'], ['quarterly', 'QUARTERLY'],
  ['mensuelle', 'MONTHLY'], ['mensuel', 'MONTHLY'], ['monthly', 'MONTHLY'],
  ['hebdomadaire', 'WEEKLY'], ['weekly', 'WEEKLY'],
  ['quotidienne', 'DAILY'], ['quotidien', 'DAILY'], ['journaliere', 'DAILY'], ['daily', 'DAILY'],
  ['horaire', 'HOURLY'], ['hourly', 'HOURLY'],
  ['minute', '1MIN'],
  ['continue', 'CONT'], ['continuous', 'CONT'],
  ['irreguliere', 'IRREG'], ['irregular', 'IRREG'],
  ['pas de mise a jour', 'NEVER'], ['pas de mises a jour', 'NEVER'], ['aucune', 'NEVER'], ['never', 'NEVER'],
]);

/** The EU frequency concept (`…/authority/frequency/ANNUAL`) an ODS periodicity names, if it names one without doubt. */
export function frequencyIri(periodicity: string): string | undefined {
  const code = FREQUENCIES.get(fold(periodicity).trim().replace(/\s+/g, ' '));
  return code ? `${EU_AUTHORITY}frequency/${code}` : undefined;
}
