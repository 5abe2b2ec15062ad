#ifndef WINEBOX_CCURL_SHIM_H
#define WINEBOX_CCURL_SHIM_H

#include <curl/curl.h>

/* Swift cannot call C variadic functions, so each curl_easy_setopt / curl_easy_getinfo form WineBox needs is
   wrapped here in a `static inline` function with a fixed signature that the Clang importer compiles for us.
   The wrappers are grouped by the type of the option's argument, as libcurl documents it. */

/// Sets an option that takes a `long` (flags, ports, timeouts in milliseconds, enum values).
static inline CURLcode winebox_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a NUL-terminated string; libcurl copies it.
static inline CURLcode winebox_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes an opaque pointer (callback user data); libcurl does not copy or own it.
static inline CURLcode winebox_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a string list (CURLOPT_MAIL_RCPT); the list must outlive the transfer.
static inline CURLcode winebox_curl_set_slist(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}

/// Sets CURLOPT_READFUNCTION, which supplies the bytes of an upload (the message for SMTP).
static inline CURLcode winebox_curl_set_read_function(CURL *handle, curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

/// Sets CURLOPT_XFERINFOFUNCTION, which libcurl calls regularly and which can abort the transfer.
static inline CURLcode winebox_curl_set_progress_function(CURL *handle, curl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

/// Reads the last response code of the server (the SMTP reply code for smtp:// transfers); 0 when none.
static inline long winebox_curl_response_code(CURL *handle) {
    long code = 0;
    if (curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code) != CURLE_OK) {
        return 0;
    }
    return code;
}

#endif
