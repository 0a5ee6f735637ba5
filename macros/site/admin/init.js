// Decap starts itself when its bundle loads; toolkit.js starts it instead, after adding the toolkit's
// file format and previews (the bundle runs before the module script toolkit.js).
window.CMS_MANUAL_INIT = true;
