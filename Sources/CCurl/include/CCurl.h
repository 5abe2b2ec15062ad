#ifndef WINEBOX_CCURL_H
#define WINEBOX_CCURL_H

#include <curl/curl.h>

/* libcurl, loaded on first use with dlopen rather than linked: the mail backends and Claude label reading are
   the only users, and linking libcurl would map it and about twenty libraries it depends on (Kerberos, LDAP,
   SSH, …) into every WineBox process, about 4 MiB of resident memory, even when no mail is ever sent and no
   label is read by Claude.

   Only the types and constants of <curl/curl.h> are used at build time. Every libcurl function WineBox
   calls goes through the wrappers below; they are safe to call from any thread once
   winebox_curl_available() has returned 1. The variadic curl_easy_setopt / curl_easy_getinfo are wrapped in
   fixed signatures that Swift can call, grouped by the type of the option's argument. */

/// Loads libcurl (libcurl.so.4) and runs curl_global_init once; returns 1 when it is usable, 0 when the
/// library is missing or failed to initialise. Thread-safe; later calls return the first answer.
int winebox_curl_available(void);

CURL *winebox_curl_easy_init(void);
void winebox_curl_easy_cleanup(CURL *handle);
CURLcode winebox_curl_easy_perform(CURL *handle);
const char *winebox_curl_easy_strerror(CURLcode code);
struct curl_slist *winebox_curl_slist_append(struct curl_slist *list, const char *text);
void winebox_curl_slist_free_all(struct curl_slist *list);

/// Sets an option that takes a `long` (flags, ports, sizes, timeouts in milliseconds, enum values).
CURLcode winebox_curl_set_long(CURL *handle, CURLoption option, long value);
/// Sets an option that takes a NUL-terminated string; libcurl copies it.
CURLcode winebox_curl_set_string(CURL *handle, CURLoption option, const char *value);
/// Sets an option that takes an opaque pointer (callback user data, or CURLOPT_COPYPOSTFIELDS bytes).
CURLcode winebox_curl_set_pointer(CURL *handle, CURLoption option, const void *value);
/// Sets an option that takes a string list (CURLOPT_MAIL_RCPT, CURLOPT_HTTPHEADER); it must outlive the transfer.
CURLcode winebox_curl_set_slist(CURL *handle, CURLoption option, struct curl_slist *list);
/// Sets CURLOPT_READFUNCTION, which supplies the bytes of an upload.
CURLcode winebox_curl_set_read_function(CURL *handle, curl_read_callback callback);
/// Sets CURLOPT_WRITEFUNCTION (response body) or CURLOPT_HEADERFUNCTION (response headers).
CURLcode winebox_curl_set_write_function(CURL *handle, CURLoption option, curl_write_callback callback);
/// Sets CURLOPT_XFERINFOFUNCTION, which libcurl calls regularly and which can abort the transfer.
CURLcode winebox_curl_set_progress_function(CURL *handle, curl_xferinfo_callback callback);
/// The last response code of the server (HTTP status or SMTP reply code); 0 when none.
long winebox_curl_response_code(CURL *handle);

#endif
