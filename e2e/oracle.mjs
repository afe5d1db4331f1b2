// Independently known answers shared by the e2e tests: figures copied from the
// regulations' tables, never read from the app, so a wrong catalogue cannot make its own
// test pass.

/** PermenPANRB 59/2020 Tabel 9: SPBE 2020 indicator weights in hundredths of a percent. */
export function spbe2020Weight(n) {
  if (n <= 10) return 130;
  if (n <= 20) return 250;
  if (n <= 31) return 150;
  if (n <= 41) return 275;
  return 300;
}
