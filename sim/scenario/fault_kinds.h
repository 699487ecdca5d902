// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal to the fault registry (faults.cpp): per fault kind its declared keys (what the schema,
// the docs' Faults tables and the reader take) and its parser, grouped in their own files by what
// they act on, and the declarations and readers they share.

#include <memory>

#include "models/common/config/keys.h"
#include "sim/scenario/faults.h"

namespace sim::app::fault_kinds {

/// Reads a fault's body through its kind's declared keys (unknown keys already refused).
using Parser = std::unique_ptr<Fault> (*)(const config::KeyReader& body,
                                          const models::BoardConfig& board);
using Keys = const config::KeySet& (*)();

// Shared declarations and readers (faults.cpp); each fails with the key's path.
/// `nth`: which occurrence, counting from 1.
config::Key nth_key(std::string doc);
/// `cluster`: the side a fault acts on.
config::Key cluster_key(std::string doc);
Side parse_side(const config::KeyReader& body);
/// A fault in effect from `at` on (0: from the start): it fired once, then.
FaultReadout in_effect_from(Picoseconds at);

// On the models (fault_kinds_models.cpp).
std::unique_ptr<Fault> skip_cache_op(const config::KeyReader& body,
                                     const models::BoardConfig& board);
const config::KeySet& skip_cache_op_keys();
std::unique_ptr<Fault> mailbox(const config::KeyReader& body, const models::BoardConfig& board);
const config::KeySet& mailbox_keys();

// On the board's configuration (fault_kinds_board.cpp).
std::unique_ptr<Fault> linux_cacheable(const config::KeyReader& body,
                                       const models::BoardConfig& board);
const config::KeySet& linux_cacheable_keys();
std::unique_ptr<Fault> rsc_offset(const config::KeyReader& body, const models::BoardConfig& board);
const config::KeySet& rsc_offset_keys();
std::unique_ptr<Fault> unmap_region(const config::KeyReader& body,
                                    const models::BoardConfig& board);
const config::KeySet& unmap_region_keys();

// On the stacks and the remote's life (fault_kinds_software.cpp).
std::unique_ptr<Fault> double_tx_buffer(const config::KeyReader& body,
                                        const models::BoardConfig& board);
const config::KeySet& double_tx_buffer_keys();
std::unique_ptr<Fault> ignore_vq_irq_when_attached(const config::KeyReader& body,
                                                   const models::BoardConfig& board);
const config::KeySet& ignore_vq_irq_when_attached_keys();
std::unique_ptr<Fault> remote_boots_late(const config::KeyReader& body,
                                         const models::BoardConfig& board);
const config::KeySet& remote_boots_late_keys();
std::unique_ptr<Fault> remote_restarts(const config::KeyReader& body,
                                       const models::BoardConfig& board);
const config::KeySet& remote_restarts_keys();

} // namespace sim::app::fault_kinds
