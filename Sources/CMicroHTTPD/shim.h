#ifndef WINEBOX_CMICROHTTPD_SHIM_H
#define WINEBOX_CMICROHTTPD_SHIM_H

#include <stdint.h>
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <microhttpd.h>

/* Swift cannot call C variadic functions, so every MHD entry point that takes `...` is wrapped here
   in a `static inline` function that the Clang importer compiles for us. */

/// The options WineBox starts a daemon with. Zero means "use libmicrohttpd's default" for each limit.
struct winebox_mhd_options {
    const struct sockaddr *address;
    unsigned int thread_pool_size;
    unsigned int connection_timeout_seconds;
    unsigned int connection_limit;
    unsigned int per_ip_connection_limit;
    size_t connection_memory_limit;
};

static inline struct MHD_Daemon *winebox_mhd_start(
    unsigned int flags,
    const struct winebox_mhd_options *options,
    MHD_AccessHandlerCallback handler, void *handler_context,
    MHD_RequestCompletedCallback completed, void *completed_context,
    MHD_LogCallback logger, void *logger_context)
{
    struct MHD_OptionItem items[10];
    int count = 0;
    items[count++] = (struct MHD_OptionItem){ MHD_OPTION_SOCK_ADDR, 0, (void *)options->address };
    if (options->thread_pool_size > 1) {
        items[count++] = (struct MHD_OptionItem){ MHD_OPTION_THREAD_POOL_SIZE, options->thread_pool_size, NULL };
    }
    if (options->connection_timeout_seconds > 0) {
        items[count++] = (struct MHD_OptionItem){
            MHD_OPTION_CONNECTION_TIMEOUT, options->connection_timeout_seconds, NULL };
    }
    if (options->connection_limit > 0) {
        items[count++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_LIMIT, options->connection_limit, NULL };
    }
    if (options->per_ip_connection_limit > 0) {
        items[count++] = (struct MHD_OptionItem){
            MHD_OPTION_PER_IP_CONNECTION_LIMIT, options->per_ip_connection_limit, NULL };
    }
    if (options->connection_memory_limit > 0) {
        items[count++] = (struct MHD_OptionItem){
            MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t)options->connection_memory_limit, NULL };
    }
    items[count++] = (struct MHD_OptionItem){ MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)completed, completed_context };
    items[count++] = (struct MHD_OptionItem){ MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)logger, logger_context };
    items[count++] = (struct MHD_OptionItem){ MHD_OPTION_END, 0, NULL };
    return MHD_start_daemon(
        flags, 0, NULL, NULL, handler, handler_context, MHD_OPTION_ARRAY, items, MHD_OPTION_END);
}

/// The port the daemon listens on; useful after binding port 0. Returns 0 when unknown.
static inline uint16_t winebox_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info != NULL ? info->port : 0;
}

/// Writes the client's numeric address into `buffer` ("" when unknown).
static inline void winebox_mhd_client_address(struct MHD_Connection *connection, char *buffer, size_t length) {
    buffer[0] = '\0';
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info == NULL || info->client_addr == NULL) {
        return;
    }
    const struct sockaddr *address = info->client_addr;
    if (address->sa_family == AF_INET) {
        inet_ntop(AF_INET, &((const struct sockaddr_in *)address)->sin_addr, buffer, (socklen_t)length);
    } else if (address->sa_family == AF_INET6) {
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)address)->sin6_addr, buffer, (socklen_t)length);
    }
}

/// Formats a libmicrohttpd log message into `buffer`; used by the external logger callback.
static inline void winebox_format_log(char *buffer, size_t length, const char *format, va_list arguments) {
    vsnprintf(buffer, length, format, arguments);
}

#endif
