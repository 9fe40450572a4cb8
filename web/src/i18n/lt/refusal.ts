// Lithuanian messages: refusal, exactly the keys of ../en/refusal.ts.
import type { refusal as en } from '../en/refusal.ts';

export const refusal: Readonly<Record<keyof typeof en, string>> = {
  'refusal.action-not-allowed': 'Veiksmo „{action}“ negalima įrašyti, kai bylos būsena yra „{status}“.',
  'refusal.before-encounter': 'yra ankstesnis už susidūrimą ({encounteredAt})',
  'refusal.in-future': 'yra ateityje',
  'refusal.before-last-action':
    'yra ankstesnis už paskutinį bylos veiksmą ({lastActionAt}): veiksmo negalima įrašyti anksčiau, nei tai, kas byloje jau yra',
  'refusal.late-entry-reason-required':
    'veiksmas įrašomas daugiau nei {toleranceMinutes} min. po jo laiko ({at}): nurodykite, kodėl jis įrašomas pavėluotai',
  'refusal.asylum-wish-already-recorded': 'noras prašyti prieglobsčio jau įrašytas ({asylumWishAt})',
  'refusal.return-after-asylum-wish':
    'šis asmuo paprašė prieglobsčio: po patikros jis nukreipiamas į prieglobsčio procedūrą, ne grąžinimui (Patikros reglamento 18 str.)',
  'refusal.no-asylum-wish':
    'šiam asmeniui neįrašytas noras prašyti prieglobsčio: pirmiausia įrašykite „Išreikštas noras prašyti prieglobsčio“',
  'refusal.recognition-rate-above-threshold':
    'Sąjungos pripažinimo rodiklis pilietybei {nationality} yra {ratePct} % ({period}), daugiau nei {threshold} % (APR 42 str. 1 d. j p.)',
  'refusal.recognition-rate-unavailable':
    'metinis Sąjungos pripažinimo rodiklis pilietybei {nationality} {date} nežinomas: šio pagrindo taikyti negalima (APR 42 str. 1 d. j p.)',
  'refusal.border-procedure-not-eligible':
    'pasienio procedūra taikoma tik po patikros pasienyje (APR 43 str. 1 d.); ši byla prasidėjo kaip „{encounterKind}“',
  'refusal.unaccompanied-minor-security-only':
    'nelydimam nepilnamečiui pasienio procedūra gali būti taikoma tik saugumo pagrindu (APR 53 str.)',
  'refusal.not-unaccompanied-minor': 'asmuo nėra nelydimas nepilnametis',
  'refusal.capacity-lifts-rate-ground-only':
    'pajėgumų išnaudojimas (APR 48 str.) panaikina tik pripažinimo rodiklio pagrindą; institucijų klaidinimas ir saugumas lieka privalomi pagrindai',
  'refusal.border-procedure-mandatory':
    'pasienio procedūra privaloma (APR 45 str. 1 d.) šiais pagrindais: {grounds}. Nukreipkite prašymą į pasienio procedūrą arba nurodykite išimtį.',
  'refusal.unaccompanied-not-minor': 'nelydimas gali būti tik nepilnametis',
  'refusal.birth-date-precision-mismatch': 'data neatitinka nurodyto tikslumo',
  'refusal.birth-date-invalid': 'tokios kalendoriaus datos nėra',
  'refusal.document-expires-before-issue': 'galiojimas baigiasi anksčiau, nei išduotas',
  'refusal.document-verified-and-false': 'dokumentas negali būti kartu patikrintas ir suklastotas',
  'refusal.force-kind-and-reason-required': 'jei buvo panaudota jėga, nurodykite kokia ir kodėl',
  'refusal.force-kind-other-mismatch': 'nurodykite, kokia jėga panaudota, tik kai pasirinkta rūšis „kita“',
  'refusal.force-kind-other-in-list': 'tokia rūšis yra sąraše: pasirinkite ją',
  'refusal.more-persons-than-group': 'asmenų daugiau nei grupės dydis',
  'refusal.username-taken': 'naudotojo vardas {username} jau užimtas',
  'refusal.username-format':
    'nuo {minLength} iki {maxLength} simbolių: mažosios raidės, skaitmenys, taškas, brūkšnelis, pabraukimo ženklas',
  'refusal.unknown-role': 'tokio vaidmens nėra',
  'refusal.unknown-jurisdiction': '{jurisdiction} nėra nei valstybė narė, nei Sąjunga (EU)',
  'refusal.role-needs-member-state': 'vaidmuo „{role}“ skirtas vienai valstybei narei, ne Sąjungai',
  'refusal.role-needs-union': 'vaidmuo „{role}“ skirtas Sąjungai: pasirinkite EU',
  'refusal.password-too-short': 'ne trumpesnis nei {minimum} simb.',
  'refusal.password-too-long': 'ne ilgesnis nei {maximum} simb.',
  'refusal.wrong-password': 'dabartinis slaptažodis neteisingas',
  'refusal.password-unchanged': 'naujas slaptažodis turi skirtis nuo dabartinio',
  'refusal.password-contains-username': 'slaptažodyje negali būti naudotojo vardo',
  'refusal.password-too-weak':
    'per lengvai atspėjamas (stiprumas {score} iš 4, reikia bent {minimum}): pailginkite jį žodžiais, kurie nesusiję tarpusavyje',
  // issue 16: attachments
  'refusal.attachment-type-not-allowed': 'tai ne JPEG, PNG ar PDF failas (nesvarbu, kaip jis pavadintas)',
  'refusal.attachment-empty': 'failas tuščias',
  'refusal.attachment-unreadable': 'paveikslėlio nepavyksta perskaityti: failas sugadintas arba neišsamus',
  'refusal.amend-value-invalid': 'netinkama lauko {field} reikšmė',
  'refusal.amend-unchanged': 'tokia reikšmė jau įrašyta',
  'refusal.amend-minor-follows-birth-date':
    'pagal gimimo datą asmuo gali būti nepilnametis (APR 25 str.): pataisykite gimimo datą',
  'refusal.amend-encounter-after-action': 'susidūrimas negali būti vėlesnis už jo bylų veiksmą ({at})',
  'refusal.amend-action-not-found': 'byloje nėra veiksmo Nr. {seq}',
  'refusal.amend-field-not-amendable':
    'šio veiksmo ({action}) lauko pataisyti negalima: jis keičia būseną, žymą ar terminą; vietoj to įrašykite teisės numatytą veiksmą (skundą, naują nukreipimą, naują patikrinimą)',
  'refusal.born-after-encounter': 'yra vėlesnė nei diena, kai asmuo buvo sulaikytas ({day})',
  'refusal.older-than-maximum-age':
    'pagal ją asmeniui {day} būtų daugiau nei {maximumAgeYears} m.: patikrinkite metus',
  'refusal.birth-year-disagrees-with-birth-date': 'nesutampa su gimimo datos metais ({birthDateYear})',
  'refusal.nationality-not-in-list':
    'nėra sąrašo pilietybė: nurodykite šalies kodą, XX, jei nežinoma, arba XS, jei asmuo be pilietybės',
  'refusal.identity-already-recorded':
    'jau užregistruota kita reikšmė: klaida taisoma bylos pataisymu, nurodant priežastį',
  'refusal.assigned-to-other': 'byla paskirta {assignee}',
  'refusal.assignee-not-eligible': '{assignee} nėra šios valstybės pareigūnas, kuriam galima skirti bylas',
  'refusal.assign-others-not-allowed': 'tik vadovas gali paskirti bylą kitam arba ją perimti',
  'refusal.duplicate-not-open': 'ši pora jau nebelaukia peržiūros',
  'refusal.duplicate-not-decided': 'šiai porai nėra sprendimo, kurį būtų galima atšaukti',
  'refusal.duplicate-main-not-in-pair': 'pagrindinė byla turi būti viena iš dviejų',
  'refusal.duplicate-has-linked-files': 'su šia byla susietos kitos bylos: pasirinkite ją pagrindine',
  'refusal.border-procedure-ground-required':
    'pasienio procedūrai reikia įstatymo leidžiamo pagrindo (APR 44 str. 1 d.: nepriimtinumas pagal 38 str. arba 42 str. 1 d. a–g, j p., 42 str. 3 d. b p.); „nėra“ nėra pagrindas',
  'refusal.border-support-impossible':
    'šiam prašytojui, kuriam reikia specialių procedūrinių garantijų, reikalingos pagalbos pasienyje suteikti negalima: pasienio procedūra netaikoma (APR 53 str. 2 d. b p.)',
  'refusal.recognition-rate-excepted':
    'pripažinimo lygio pagrindo negalima taikyti kartu su jo išimtimi „{exception}“ (APR 42 str. 1 d. j p.)',
  'refusal.crisis-derogation-not-covered':
    '{derogation}: prašymas pateiktas ne tokios krizės metu, kuri tai leidžia (Krizių reglamento 1 str. 4 d., 11 str.); krizė: {crisisKind}',
  'refusal.crisis-derogation-border-only':
    'Krizių reglamento 11 str. nukrypti leidžiančios nuostatos taikomos tik pasienio procedūrai',
  'refusal.family-must-include-case': 'šeimos nariai turi apimti šią bylą',
  'refusal.family-member-twice': 'ta pati byla tarp šeimos narių nurodyta du kartus',
  'refusal.family-member-not-found': 'šeimos narys nėra čia esanti byla',
  'refusal.family-member-other-state': 'šeimos narys yra kitos valstybės narės byla',
  'refusal.family-procedure-split':
    'tos pačios šeimos vaikas ir vienas iš tėvų nukreipiami į skirtingas procedūras (kito nario procedūra: {procedure})',
  'refusal.representative-limit-reached': 'šis atstovas jau atsakingas už {maximum} nelydimų nepilnamečių',
  'refusal.age-medical-before-multidisciplinary':
    'medicininė apžiūra yra kraštutinė priemonė: pirmiausia užregistruokite neaiškų daugiadalykio vertinimo rezultatą',
  'refusal.age-medical-consent-required': 'medicininei amžiaus apžiūrai reikia sutikimo',
  'refusal.age-medical-least-invasive-required':
    'medicininei amžiaus apžiūrai turi būti taikomas mažiausiai invazinis metodas',
  'refusal.age-adult-contradicts-birth-date':
    'užregistruota gimimo data rodo, kad asmuo gali būti nepilnametis: pirmiausia ją pataisykite',
  'refusal.family-child-detained-without-parent':
    'lydimas vaikas gali būti sulaikytas tik tada, kai sulaikytas vienas iš šeimos tėvų',
  'refusal.detention-extension-not-allowed':
    'ilgiau nei šešiems mėnesiams galima pratęsti tik sulaikymą išsiuntimo tikslu (Grąžinimo direktyvos 15 str. 6 d.)',
  'refusal.detention-irregular-entry-alone':
    'prieglobsčio prašytojo negalima sulaikyti vien dėl neteisėto atvykimo (ESTT C-72/22 PPU)',
  'refusal.detention-unaccompanied-minor-irregular-entry':
    'nelydimo nepilnamečio negalima sulaikyti vien dėl neteisėto atvykimo',
  'refusal.detention-ground-not-allowed': 'pagrindas {ground} šiam asmeniui netaikomas ({article})',
  'refusal.detention-minor-exception-required':
    'nepilnametį galima sulaikyti tik kraštutiniu atveju: įrašykite vaiko interesų vertinimą ir kodėl negalima taikyti švelnesnių priemonių',
  'refusal.detention-review-date-out-of-range':
    'peržiūra turi būti po sprendimo ir ne vėliau kaip {latest} ({article})',
  'refusal.detention-maximum-passed':
    'sulaikymas pasiekė ilgiausią terminą {maximumAt} ({article}): jis turi būti nutrauktas',
  'refusal.may-remain':
    'asmuo turi teisę likti šalies teritorijoje ({article}: {reason}); grąžinimo negalima vykdyti iki {until}',
  'refusal.decision-already-notified': 'apie sprendimą jau pranešta {notifiedAt}',
  'refusal.remain-request-pending': '{requestedAt} pateiktas prašymas leisti likti dar nenagrinėtas',
  'refusal.remain-not-requested': 'nėra nenagrinėto prašymo leisti likti',
  'refusal.withdrawal-not-appealable':
    'sprendimas pripažinti prašymą atsiimtu yra galutinis ir neskundžiamas (APR 40 str. 3 d.)',
  'refusal.implicit-withdrawal-ground-required':
    'nurodykite, kuriuo pagrindu prašymas laikomas atsiimtu (APR 41 str. 1 d. a–f p.)',
  'refusal.implicit-withdrawal-ground-not-allowed':
    'pagrindas laikyti prašymą atsiimtu tinka tik tokiam sprendimui, ne sprendimui „{decision}“',
  'refusal.implicit-withdrawal-application-lodged':
    'prašymas pateiktas ({lodgedAt}): pagrindas „nepateikė prašymo“ negalimas',
  'refusal.subsequent-no-previous-decision':
    'sprendimo dėl ankstesnio prašymo nėra: įrašykite norą prašyti prieglobsčio',
  'refusal.subsequent-already-pending':
    '{madeAt} pateiktas pakartotinis prašymas dar laukia pirminio nagrinėjimo',
  'refusal.subsequent-not-pending': 'nė vienas pakartotinis prašymas nelaukia pirminio nagrinėjimo',
  'refusal.subsequent-delay-not-applicable':
    'APR 56 str. a p. taikomas tik pirmam pakartotiniam prašymui be naujų aplinkybių, pateiktam prieš neišvengiamą išsiuntimą',
  'refusal.national-measure-excepted-person':
    'nacionalinė priemonė {measure} ({act}) šiam asmeniui niekada netaikoma: {group}',
  'refusal.national-measure-not-active': 'nacionalinė priemonė {measure} šioje valstybėje {day} negalioja',
  'refusal.national-measure-other-state':
    'nacionalinė priemonė {measure} yra valstybės {measureState} priemonė',
  'refusal.national-measure-period-too-long':
    'priemonę {measure} vienu kartu galima taikyti ne ilgiau kaip {maximumDays} d. (prašoma {days} d.)',
  'refusal.national-measure-period-invalid':
    'laikotarpis turi baigtis ne anksčiau nei prasideda ir negali prasidėti anksčiau, nei taikomas aktas',
  'refusal.national-measure-extension-invalid':
    'pratęsime nurodomas užregistruotas pratęsiamas taikymas ir, kai to reikalauja aktas, sutikimas',
  'refusal.national-measure-activation-other-state':
    'priemonė {measure} yra valstybės {measureState} priemonė',
  'refusal.decision-needs-interview':
    'neįrašytas asmeninis pokalbis arba atsisakymo pagrindas šiam sprendimui netaikomas: pirmiausia įrašykite pokalbį (dabar galima: {allowed})',
  'refusal.omission-ground-minor-only': 'šis pagrindas taikomas tik nepilnamečiui',
  'refusal.document-not-available': 'šiai bylai šio dokumento dabar išduoti negalima: {reason}',
  'refusal.document-language-unavailable': 'šis dokumentas neteikiamas kalba {language}',
  'refusal.document-not-issued': 'tokio dokumento šioje byloje neišduota',
  'refusal.document-already-notified': 'šio dokumento įteikimas jau įrašytas ({notifiedAt})',
  'refusal.document-notified-before-issue':
    'įteikimas negali būti anksčiau nei dokumentas išduotas ({issuedAt})',
  'refusal.notification-not-at-issue':
    'dokumentas, siunčiamas ({means}), įteikiamas tada, kai pasiekia asmenį: tada ir įrašykite įteikimą',
  // issue 18: the border's papers
  'refusal.refusal-needs-refused-kind':
    'atsisakymo įleisti priežastys įrašomos tik rūšies „neįleistas / atsisakyta įleisti“ susidūrimui',
  'refusal.documents-unavailable-in-group':
    'nieko neišduota: kai kuriems grupės asmenims šio dokumento dar negalima išduoti (bylos {cases})',
  // issue 19: the offline desk — refusals of an encounter sent late (the server's words per field)
  'refusal.place-closed': 'ši vieta nebenaudojama (uždaryta): pasirinkite veikiančią vietą',
  'refusal.person-already-recorded':
    'asmuo su šiuo dokumentu jau yra atviroje byloje {caseId}: pataisykite dokumentą arba patvirtinkite, kad tai tas pats asmuo',
  // issue 19: an outbox item sent with the session of another user than the one who captured it (x-pact-owner)
  'refusal.session-of-another-user':
    'šį įvykį užregistravo {owner}: jis bus išsiųstas, kai šiame įrenginyje prisijungs {owner}',
  'refusal.responsibility-to-self': 'prašymas siunčiamas kitai valstybei narei, ne {state}',
  'refusal.responsibility-no-criterion': 'joks užregistruotas kriterijus nenurodo į {to}',
  'refusal.responsibility-no-other-state': 'joks užregistruotas kriterijus nenurodo į kitą valstybę narę',
  'refusal.take-charge-request-late': 'prašymo terminas baigėsi {dueAt} ({article}): atsakinga ši valstybė',
  'refusal.responsibility-request-pending': '{at} prašymas – {to} laukia atsakymo arba priimtas',
  'refusal.responsibility-assumed': 'ši valstybė tapo atsakinga {at} ({reason})',
  'refusal.transfer-not-accepted': 'joks prašymas nepriimtas ir nepatvirtintas',
  'refusal.transfer-already-decided': 'sprendimas perduoti priimtas {decidedAt}',
  'refusal.transfer-not-decided': 'sprendimo perduoti dar nėra',
  'refusal.transfer-appeal-state': 'skundas jau užregistruotas arba nėra nagrinėjamo ({lodgedAt})',
  'refusal.transfer-not-running': 'perdavimas sustabdytas, panaikintas arba įvykdytas',
  'refusal.transfer-extension-not-later': 'pratęsimas nepavėlintų termino ({dueAt})',
  'refusal.responsibility-hit-after-request': '{hitAt} atitiktis nurodyta vėliau nei {at} prašymas',
};
