// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal to the app registry: one parser per application, grouped by kind in their own files.

#include "models/common/config/keys.h"
#include "sim/scenario/app_registry.h"

namespace sim::app::specs {

using Parser = AppInstance (*)(const config::ConfigNode& options, const AppContext& context);
using Keys = const config::KeySet& (*)();

// Option readers shared by the parsers (app_specs_options.cpp); each fails with the key's path.
/// An rpmsg channel / endpoint name, not empty: the NS message's 32-byte field, NUL included.
std::string rpmsg_name_option(const config::KeyReader& r, const std::string& key);
/// The declaration of such a name.
config::Key rpmsg_name_key(std::string name, std::string doc, std::string fallback);

/// Refuses the options that named ledger endpoints before the ledger identified messages from
/// the wire (`peer`, `endpoint`, `echo_endpoint`), saying so.
void refuse_ledger_naming(const config::ConfigNode& o);

// Each application: its parser and its options' declarations (config::KeySet).
// app_specs_bare.cpp
AppInstance shared_flag_writer(const config::ConfigNode& o, const AppContext& c);
const config::KeySet& shared_flag_writer_keys();
AppInstance shared_flag_reader(const config::ConfigNode& o, const AppContext& c);
const config::KeySet& shared_flag_reader_keys();

// app_specs_linux.cpp
AppInstance rpmsg_client_sample(const config::ConfigNode& o, const AppContext& c);
const config::KeySet& rpmsg_client_sample_keys();
AppInstance stream_sender(const config::ConfigNode& o, const AppContext& c);
const config::KeySet& stream_sender_keys();

// app_specs_zephyr.cpp
AppInstance client_sample_responder(const config::ConfigNode& o, const AppContext& c);
const config::KeySet& client_sample_responder_keys();
AppInstance tty_responder(const config::ConfigNode& o, const AppContext& c);
const config::KeySet& tty_responder_keys();
AppInstance queued_responder(const config::ConfigNode& o, const AppContext& c);
const config::KeySet& queued_responder_keys();

} // namespace sim::app::specs
