// SPDX-License-Identifier: Apache-2.0
#pragma once
// Public header of the interconnect component: the system router and its address map.

#include <cstdint>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_initiator_socket.h>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "models/common/units.h"
#include "models/interconnect/address_map.h"

namespace sim::models {

struct RouterConfig {
  std::string name;        ///< SystemC object name
  Picoseconds latency = 0; ///< added to every b_transport, including decode errors
};

struct RouterRegionStats {
  std::string name;
  std::uint64_t reads = 0;
  std::uint64_t writes = 0;
};

struct RouterStats {
  std::uint64_t decode_errors = 0;
  std::vector<RouterRegionStats> regions; ///< in declaration order
};

// The system bus: decodes global addresses with an AddressMap and forwards to the target bound at
// the region's `out` port with the region-local address (base subtracted); the payload's address
// is restored before returning.
// Timing: an optional fixed `latency` per transaction; no arbitration, no contention.
// Errors: an unmapped address or an access straddling the end of a region gets
// TLM_ADDRESS_ERROR_RESPONSE, a SIM_WARN naming address and initiator, and counts in
// decode_errors (the CPU model turns it into a bus fault).
// TLM: b_transport, transport_dbg (translated, clipped to the region, 0 bytes on a miss),
// get_direct_mem_ptr (ranges translated back to global and clipped to the region) and
// invalidate_direct_mem_ptr from targets (translated and broadcast to every initiator).
// Both sockets complete their binding at end of elaboration, so the router works only once the
// kernel has elaborated (sc_start).
class Router : public sc_core::sc_module {
public:
  tlm_utils::multi_passthrough_target_socket<Router> in;
  tlm_utils::multi_passthrough_initiator_socket<Router> out;

  explicit Router(const RouterConfig& cfg);

  /// Routes [base, base+size) to `out` port `out_port` (ports are numbered in bind order, so
  /// call after binding). Throws std::invalid_argument on an unbound port or an overlap.
  void map(unsigned out_port, std::uint64_t base, std::uint64_t size, std::string name);

  const AddressMap& address_map() const { return map_; }
  std::string describe() const;
  const RouterStats& stats() const { return stats_; }
  /// Throws std::invalid_argument for an unknown region.
  const RouterRegionStats& region_stats(const std::string& name) const;

private:
  Router(const sc_core::sc_module_name& name, const RouterConfig& cfg);

  void b_transport(int initiator, tlm::tlm_generic_payload& p, sc_core::sc_time& delay);
  unsigned transport_dbg(int initiator, tlm::tlm_generic_payload& p);
  bool get_direct_mem_ptr(int initiator, tlm::tlm_generic_payload& p, tlm::tlm_dmi& dmi);
  void invalidate_direct_mem_ptr(int target, sc_dt::uint64 start, sc_dt::uint64 end);

  void decode_error(int initiator, tlm::tlm_generic_payload& p, const AddressRegion* near);

  AddressMap map_;
  sc_core::sc_time latency_;
  RouterStats stats_;
};

} // namespace sim::models
