/** The first administrator the real-mode e2e creates through the setup link (a throwaway test server). */
export const firstAdministrator = {
  name: 'Ada Admin',
  email: 'ada.admin@example.test',
  password: 'correct horse battery staple',
};

export const SERVER_DIR = 'test-results/real-server';
export const ADMIN_STATE = `${SERVER_DIR}/admin-state.json`;
export const SETUP_LINK_FILE = `${SERVER_DIR}/setup-link.txt`;
