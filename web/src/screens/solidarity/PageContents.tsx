// The contents of a long page: a bar of links to its sections' headings that stays at the top while the page
// scrolls. Following a link moves the keyboard focus to the heading too, so that the next Tab continues
// from the section, not from the bar; a page opened with a section's address (#cycle-offsets) goes there
// once the section is drawn.
import { useEffect } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

export interface ContentsItem {
  /** the id of the section's heading */
  readonly id: string;
  readonly label: string;
}

function goTo(id: string): boolean {
  const heading = document.getElementById(id);
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
  return true;
}

export function PageContents({ items, ready }: { items: readonly ContentsItem[]; ready: boolean }) {
  const { t } = useI18n();
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (ready && id) goTo(id);
  }, [ready]);
  return (
    <nav className="page-contents" aria-label={t('contents.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <a
              href={`#${item.id}`}
              onClick={(e) => {
                if (!goTo(item.id)) return;
                e.preventDefault();
                window.history.replaceState(window.history.state, '', `#${item.id}`);
              }}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
