// Implementation of CTOMLShim.h over toml++ 3 (compiled library, exceptions enabled).
#include "CTOMLShim.h"

#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <sstream>
#include <string>
#include <string_view>

#include <toml++/toml.h>

namespace {

void set_error(winebox_toml_error *error, std::string_view message, uint32_t line, uint32_t column) {
    size_t count = message.size();
    if (count >= sizeof(error->message)) {
        count = sizeof(error->message) - 1;
    }
    std::memcpy(error->message, message.data(), count);
    error->message[count] = '\0';
    error->line = line;
    error->column = column;
}

winebox_toml_event make_event(winebox_toml_event_kind kind, const std::string_view *key) {
    winebox_toml_event event;
    std::memset(&event, 0, sizeof(event));
    event.kind = kind;
    if (key != nullptr) {
        event.key = key->data();
        event.key_length = key->size();
    }
    return event;
}

template <typename Temporal>
void emit_temporal(const Temporal &value, const std::string_view *key, winebox_toml_handler handler, void *context) {
    std::ostringstream stream;
    stream << value;
    const std::string text = stream.str();
    winebox_toml_event event = make_event(WINEBOX_TOML_DATE_TIME, key);
    event.text = text.data();
    event.text_length = text.size();
    handler(&event, context);
}

void walk_node(const toml::node &node, const std::string_view *key, winebox_toml_handler handler, void *context);

void walk_table(const toml::table &table, const std::string_view *key, winebox_toml_handler handler, void *context) {
    winebox_toml_event begin = make_event(WINEBOX_TOML_BEGIN_TABLE, key);
    handler(&begin, context);
    for (auto &&[child_key, child] : table) {
        const std::string_view name = child_key.str();
        walk_node(child, &name, handler, context);
    }
    winebox_toml_event end = make_event(WINEBOX_TOML_END_TABLE, nullptr);
    handler(&end, context);
}

void walk_node(const toml::node &node, const std::string_view *key, winebox_toml_handler handler, void *context) {
    switch (node.type()) {
    case toml::node_type::table:
        walk_table(*node.as_table(), key, handler, context);
        return;
    case toml::node_type::array: {
        winebox_toml_event begin = make_event(WINEBOX_TOML_BEGIN_ARRAY, key);
        handler(&begin, context);
        for (const toml::node &element : *node.as_array()) {
            walk_node(element, nullptr, handler, context);
        }
        winebox_toml_event end = make_event(WINEBOX_TOML_END_ARRAY, nullptr);
        handler(&end, context);
        return;
    }
    case toml::node_type::string: {
        const std::string &text = node.as_string()->get();
        winebox_toml_event event = make_event(WINEBOX_TOML_STRING, key);
        event.text = text.data();
        event.text_length = text.size();
        handler(&event, context);
        return;
    }
    case toml::node_type::integer: {
        winebox_toml_event event = make_event(WINEBOX_TOML_INTEGER, key);
        event.integer = node.as_integer()->get();
        handler(&event, context);
        return;
    }
    case toml::node_type::floating_point: {
        winebox_toml_event event = make_event(WINEBOX_TOML_FLOAT, key);
        event.floating = node.as_floating_point()->get();
        handler(&event, context);
        return;
    }
    case toml::node_type::boolean: {
        winebox_toml_event event = make_event(WINEBOX_TOML_BOOLEAN, key);
        event.boolean = node.as_boolean()->get();
        handler(&event, context);
        return;
    }
    case toml::node_type::date:
        emit_temporal(node.as_date()->get(), key, handler, context);
        return;
    case toml::node_type::time:
        emit_temporal(node.as_time()->get(), key, handler, context);
        return;
    case toml::node_type::date_time:
        emit_temporal(node.as_date_time()->get(), key, handler, context);
        return;
    case toml::node_type::none:
        return;
    }
}

}  // namespace

extern "C" int winebox_toml_walk(
    const char *data, size_t length, const char *source_name, winebox_toml_handler handler, void *context,
    winebox_toml_error *error) {
    if (error == nullptr) {
        return -1;
    }
    set_error(error, "", 0, 0);
    if (handler == nullptr || (data == nullptr && length > 0)) {
        set_error(error, "invalid arguments", 0, 0);
        return -1;
    }
    try {
        const std::string_view document(data == nullptr ? "" : data, length);
        const std::string_view source(source_name == nullptr ? "" : source_name);
        toml::table root = toml::parse(document, source);
        walk_table(root, nullptr, handler, context);
        return 0;
    } catch (const toml::parse_error &failure) {
        const toml::source_position &begin = failure.source().begin;
        set_error(error, failure.description(), begin.line, begin.column);
        return 1;
    } catch (const std::bad_alloc &) {
        set_error(error, "out of memory while parsing TOML", 0, 0);
        return 2;
    } catch (const std::exception &failure) {
        set_error(error, failure.what(), 0, 0);
        return 3;
    } catch (...) {
        set_error(error, "unknown failure while parsing TOML", 0, 0);
        return 4;
    }
}
