import { expect, expectNoAxeViolations, test } from './support';

/** A clearly fake person with Danish letters, unique per run so other specs and reruns are unaffected. */
const suffix = Math.random().toString(36).slice(2, 8);
const NAME = `Testperson Æblegård-Sørensen ${suffix}`;

test.describe('people and organisations against the real server', () => {
  test('create a person, find them without diacritics, edit their phone, delete them', async ({ page }) => {
    await page.goto('/people');
    await expect(page.getByRole('heading', { level: 1, name: 'Personer' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /personer$/ })).toBeVisible();
    await expectNoAxeViolations(page, { label: '/people (da)' });

    await page.getByRole('button', { name: 'Ny person' }).click();
    const create = page.getByRole('dialog', { name: 'Ny person' });
    await create.getByRole('textbox', { name: 'Navn' }).fill(NAME);
    await create.getByRole('textbox', { name: 'Telefon' }).fill('1234');
    await create.getByRole('button', { name: 'Opret person' }).click();
    await expect(create.getByText('Ikke et dansk telefonnummer (8 cifre, evt. +45).')).toBeVisible();
    await expectNoAxeViolations(page, { include: '[role="dialog"]', label: 'create person dialog with an error' });
    await create.getByRole('textbox', { name: 'Telefon' }).fill('');
    await create.getByRole('button', { name: 'Opret person' }).click();
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();

    // Back to the list: search without diacritics.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Personer' }).click();
    await page.getByRole('searchbox', { name: 'Søg efter navn' }).fill(`aeblegard sorensen ${suffix}`);
    await expect(page).toHaveURL(/q=aeblegard/);
    await expect(page.getByText(`1 person matcher "aeblegard sorensen ${suffix}"`)).toBeVisible();
    await page.getByRole('link', { name: NAME }).click();

    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await expect(page.getByText('Personen har ikke haft nogen plads.')).toBeVisible();
    await page.getByRole('button', { name: 'Rediger' }).click();
    const edit = page.getByRole('dialog', { name: `Rediger ${NAME}` });
    await edit.getByRole('textbox', { name: 'Telefon' }).fill('+45 20 30 40 50');
    await edit.getByRole('button', { name: 'Gem' }).click();
    await expect(page.getByText(`Ændringerne af ${NAME} er gemt.`)).toBeVisible();
    await expect(page.getByRole('link', { name: '+45 20 30 40 50' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Historik' })).toContainText('Telefon: (tom) → +45 20 30 40 50');
    await expectNoAxeViolations(page, { label: 'person page (da)' });

    await page.getByRole('button', { name: 'Sprog: English' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Memberships' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(page, { label: 'person page (en)' });
    await page.getByRole('button', { name: 'Language: Dansk' }).click();

    // Leave the server as we found it.
    await page.getByRole('button', { name: 'Slet' }).click();
    await page.getByRole('dialog', { name: `Slet ${NAME}?` }).getByRole('button', { name: 'Slet person' }).click();
    await expect(page.getByText(`${NAME} er slettet.`)).toBeVisible();
    await expect(page).toHaveURL(/\/people$/);
  });

  test('a seated person cannot be deleted; the list and person page pass axe in English', async ({ page }) => {
    await page.goto('/people?q=sorensen');
    // (Another test's person may also match while it runs; the two seeded Sørensens must.)
    await expect(page.getByRole('status').filter({ hasText: 'matcher "sorensen"' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Hans A. Sørensen' })).toBeVisible();
    await page.getByRole('link', { name: 'Peter Sørensen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Peter Sørensen' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Horsens Kommune 1' })).toBeVisible();
    await page.getByRole('button', { name: 'Slet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Slet Peter Sørensen?' });
    await dialog.getByRole('button', { name: 'Slet person' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Posten er i brug');
    await expectNoAxeViolations(page, { include: '[role="dialog"]', label: 'refused deletion' });
    await dialog.getByRole('button', { name: 'Annuller' }).click();

    await page.getByRole('button', { name: 'Sprog: English' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Memberships' })).toBeVisible();
    await expectNoAxeViolations(page, { label: 'person page (en)' });
    await page.goto('/people');
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'People' })).toBeVisible();
    await expectNoAxeViolations(page, { label: '/people (en)' });
  });

  test('organisations: search by another name, open the organisation, axe in Danish and English', async ({ page }) => {
    await page.goto('/organizations');
    await expect(page.getByRole('heading', { level: 1, name: 'Organisationer' })).toBeVisible();
    await expectNoAxeViolations(page, { label: '/organizations (da)' });
    // The form's list editor for other names: a fieldset with one labelled field per name.
    await page.getByRole('button', { name: 'Ny organisation' }).click();
    const create = page.getByRole('dialog', { name: 'Ny organisation' });
    await create.getByRole('button', { name: 'Tilføj andet navn' }).click();
    await expect(create.getByRole('textbox', { name: 'Andet navn 1' })).toBeFocused();
    await create.getByRole('button', { name: 'Opret organisation' }).click();
    await expect(create.getByText('Vælg en af mulighederne.')).toBeVisible();
    await expectNoAxeViolations(page, { include: '[role="dialog"]', label: 'create organisation dialog with errors' });
    await create.getByRole('button', { name: 'Annuller' }).click();
    await expect(create).toBeHidden();
    await page.getByRole('searchbox', { name: 'Søg efter navn' }).fill('LO Horsens Hedensted');
    await expect(page.getByText('1 organisation matcher')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Søg efter navn' }).fill('horsens kommune');
    await page.getByRole('link', { name: 'Horsens Kommune' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Horsens Kommune' })).toBeVisible();
    const reps = page.getByRole('region', { name: 'Repræsentanter' });
    await expect(reps.getByRole('row')).toHaveCount(6);
    await expect(reps).toContainText('Peter Sørensen');
    await expectNoAxeViolations(page, { label: 'organisation page (da)' });

    await page.getByRole('button', { name: 'Sprog: English' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Representatives' })).toBeVisible();
    await expectNoAxeViolations(page, { label: 'organisation page (en)' });
    await page.goto('/organizations?sector=education');
    await expect(page.getByText('4 organisations match')).toBeVisible();
    await expectNoAxeViolations(page, { label: '/organizations (en)' });
  });
});
