import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** An error of a whole list (too many members, no opening period), announced when it appears. */
export function ListError({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <div role="alert">
      <MessageBar intent="error">
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
    </div>
  );
}
