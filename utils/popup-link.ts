/** How a card's "see more" reaches the popup: the entity waits in session storage. */
export const PENDING_ENTITY_KEY = 'pendingEntity';
