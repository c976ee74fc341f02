/** Where a term's renewal pages live (the button that links there: LinkButton in src/components). */
export const renewalHref = (termId: string, page: '' | '/compare' | '/requests' = '') =>
  `/terms/${encodeURIComponent(termId)}/renewal${page}`;
