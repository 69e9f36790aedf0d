import type { CustomValue, CustomValueGroup } from '../../template';

const GROUP_LABELS: Record<CustomValueGroup, string> = {
  contact: 'Contact',
  site: 'Site',
  offer: 'Offer',
  magic_link: 'Magic links',
  login: 'Login emails only',
};

export interface FieldGroup {
  group: CustomValueGroup;
  label: string;
  fields: CustomValue[];
}

/** The catalog in groups, in the order groups first appear, for the "Insert field" menu. */
export function groupFields(catalog: readonly CustomValue[]): FieldGroup[] {
  const groups = new Map<CustomValueGroup, FieldGroup>();
  for (const field of catalog) {
    const group = groups.get(field.group) ?? { group: field.group, label: GROUP_LABELS[field.group], fields: [] };
    group.fields.push(field);
    groups.set(field.group, group);
  }
  return [...groups.values()];
}
