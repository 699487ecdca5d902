// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal to the app registry: one parser per application, grouped by kind in their own files.

#include "sim/scenario/app_registry.h"

namespace sim::app::specs {

using Parser = AppInstance (*)(const config::ConfigNode& options, const AppContext& context);

// Option readers shared by the parsers (app_specs_options.cpp); each fails with the key's path.
/// An integer option within lo..hi (`note` is appended to the error, e.g. what 0 means).
unsigned bounded_option(const config::ConfigNode& o, const std::string& key, unsigned fallback,
                        unsigned lo, unsigned hi, const std::string& note = "");
/// A non-empty string option.
std::string name_option(const config::ConfigNode& o, const std::string& key,
                        const std::string& fallback);
/// An rpmsg channel / endpoint name: the NS message's 32-byte field, NUL included.
std::string rpmsg_name_option(const config::ConfigNode& o, const std::string& key,
                              const std::string& fallback);

/// Refuses the options that named ledger endpoints before the ledger identified messages from
/// the wire (`peer`, `endpoint`, `echo_endpoint`), saying so.
void refuse_ledger_naming(const config::ConfigNode& o);

// app_specs_bare.cpp
AppInstance shared_flag_writer(const config::ConfigNode& o, const AppContext& c);
AppInstance shared_flag_reader(const config::ConfigNode& o, const AppContext& c);

// app_specs_linux.cpp
AppInstance rpmsg_client_sample(const config::ConfigNode& o, const AppContext& c);
AppInstance stream_sender(const config::ConfigNode& o, const AppContext& c);

// app_specs_zephyr.cpp
AppInstance client_sample_responder(const config::ConfigNode& o, const AppContext& c);
AppInstance tty_responder(const config::ConfigNode& o, const AppContext& c);
AppInstance queued_responder(const config::ConfigNode& o, const AppContext& c);

} // namespace sim::app::specs
