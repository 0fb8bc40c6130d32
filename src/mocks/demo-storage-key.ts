/** Where the demo keeps its data in the browser; a new shape of the data gets a new key, so an old one is not loaded. */
export const DEMO_DATA_KEY = 'whatsapp-admin-demo-data-v3';
