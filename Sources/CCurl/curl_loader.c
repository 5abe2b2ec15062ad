#include "CCurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

/* The libcurl entry points, resolved once by load_libcurl(). */
static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} api;

static int available = 0;
static pthread_once_t once = PTHREAD_ONCE_INIT;

#define RESOLVE(field, name)                                  \
    do {                                                      \
        *(void **)(&api.field) = dlsym(library, name);        \
        if (api.field == NULL) {                              \
            return;                                           \
        }                                                     \
    } while (0)

static void load_libcurl(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        return;
    }
    RESOLVE(global_init, "curl_global_init");
    RESOLVE(easy_init, "curl_easy_init");
    RESOLVE(easy_cleanup, "curl_easy_cleanup");
    RESOLVE(easy_perform, "curl_easy_perform");
    RESOLVE(easy_strerror, "curl_easy_strerror");
    RESOLVE(easy_setopt, "curl_easy_setopt");
    RESOLVE(easy_getinfo, "curl_easy_getinfo");
    RESOLVE(slist_append, "curl_slist_append");
    RESOLVE(slist_free_all, "curl_slist_free_all");
    available = api.global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
}

int winebox_curl_available(void) {
    pthread_once(&once, load_libcurl);
    return available;
}

CURL *winebox_curl_easy_init(void) {
    return winebox_curl_available() ? api.easy_init() : NULL;
}

void winebox_curl_easy_cleanup(CURL *handle) {
    if (handle != NULL) {
        api.easy_cleanup(handle);
    }
}

CURLcode winebox_curl_easy_perform(CURL *handle) {
    return api.easy_perform(handle);
}

const char *winebox_curl_easy_strerror(CURLcode code) {
    return winebox_curl_available() ? api.easy_strerror(code) : "libcurl is not available";
}

struct curl_slist *winebox_curl_slist_append(struct curl_slist *list, const char *text) {
    return winebox_curl_available() ? api.slist_append(list, text) : NULL;
}

void winebox_curl_slist_free_all(struct curl_slist *list) {
    if (list != NULL) {
        api.slist_free_all(list);
    }
}

CURLcode winebox_curl_set_long(CURL *handle, CURLoption option, long value) {
    return api.easy_setopt(handle, option, value);
}

CURLcode winebox_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return api.easy_setopt(handle, option, value);
}

CURLcode winebox_curl_set_pointer(CURL *handle, CURLoption option, const void *value) {
    return api.easy_setopt(handle, option, value);
}

CURLcode winebox_curl_set_slist(CURL *handle, CURLoption option, struct curl_slist *list) {
    return api.easy_setopt(handle, option, list);
}

CURLcode winebox_curl_set_read_function(CURL *handle, curl_read_callback callback) {
    return api.easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

CURLcode winebox_curl_set_write_function(CURL *handle, CURLoption option, curl_write_callback callback) {
    return api.easy_setopt(handle, option, callback);
}

CURLcode winebox_curl_set_progress_function(CURL *handle, curl_xferinfo_callback callback) {
    return api.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

long winebox_curl_response_code(CURL *handle) {
    long code = 0;
    if (api.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code) != CURLE_OK) {
        return 0;
    }
    return code;
}
