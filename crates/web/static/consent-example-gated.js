/*
 * Stands in for an analytics tag on static/consent-example.html. Steward runs
 * it only after the visitor grants the "analytics" purpose, and at most once a
 * page: the counter lets browser tests check both.
 */
(function () {
  'use strict';
  window.stewardGatedRan = (window.stewardGatedRan || 0) + 1;
  var status = document.getElementById('gated-status');
  if (status) status.textContent = 'Analytics ran.';
})();
