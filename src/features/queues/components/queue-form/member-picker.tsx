import { Combobox, Field, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@/api/contract/user';
import { PresenceLabel } from '@/components/presence/presence-badge';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  details: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  picker: { maxWidth: '420px' },
});

const matches = (user: User, needle: string) =>
  needle === '' || user.name.toLocaleLowerCase().includes(needle) || user.email.toLocaleLowerCase().includes(needle);

interface MemberPickerProps {
  /** Users who may still be added (the members already chosen are left out). */
  candidates: User[];
  onPick: (user: User) => void;
  hint: string;
}

/** A searchable list of users (by name or e-mail); choosing one adds them and empties the box for the next. */
export function MemberPicker({ candidates, onPick, hint }: MemberPickerProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const needle = query.trim().toLocaleLowerCase();
  const shown = candidates.filter((user) => matches(user, needle));

  return (
    <Field label={t('queues.form.addMember')} hint={hint} className={styles.picker}>
      <Combobox
        placeholder={t('queues.form.searchUsers')}
        value={query}
        selectedOptions={[]}
        freeform
        onChange={(event) => setQuery(event.target.value)}
        onOptionSelect={(_, data) => {
          const user = candidates.find((candidate) => candidate.id === data.optionValue);
          if (user) onPick(user);
          setQuery('');
        }}
      >
        {shown.map((user) => (
          <Option key={user.id} value={user.id} text={user.name}>
            <span className={styles.option}>
              <Text weight="semibold">{user.name}</Text>
              <span className={styles.details}>
                <span>{user.email}</span>
                <span>{t(`users.roles.${user.role}`)}</span>
                <PresenceLabel presence={user.presence} />
              </span>
            </span>
          </Option>
        ))}
        {shown.length === 0 && (
          <Option key="no-match" value="" text="" disabled>
            {candidates.length === 0 ? t('queues.form.everyoneIsMember') : t('queues.form.noUserMatches', { query })}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
