/** Strings of the access model in the console (who wrote what, as the hub knows them). */
export const accessI18n = {
  vi: {
    machine: 'Nguồn tự động',
    authorOf: '{{role}} · {{organisation}}',
  },
  en: {
    machine: 'Machine source',
    authorOf: '{{role}} · {{organisation}}',
  },
};
