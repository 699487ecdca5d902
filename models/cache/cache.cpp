// SPDX-License-Identifier: Apache-2.0
#include "models/cache/cache.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "models/common/log.h"
#include "models/common/tlm_util.h"
#include "models/common/units.h"

namespace sim::models {
namespace {

using tlm::TLM_OK_RESPONSE;

CacheConfig named(const CacheConfig& config, const char* module_name) {
  CacheConfig c = config;
  if (c.name.empty()) c.name = module_name;
  return c;
}

CacheArray make_array(const CacheConfig& c) {
  CacheGeometry geometry(c.size, c.ways, c.line, c.name);
  return CacheArray(geometry, make_replacement(c, geometry),
                    c.eviction == CacheConfig::Eviction::kNever);
}

void check_rate(double rate, const char* key, const std::string& name) {
  if (!(rate >= 0.0 && rate <= 1.0))
    throw std::invalid_argument(name + ": dcache " + key + " " + std::to_string(rate) +
                                " is not in [0, 1]");
}

} // namespace

Cache::Cache(const sc_core::sc_module_name& name, const CacheConfig& config)
    : sc_core::sc_module(name), cpu_side("cpu_side"), mem_side("mem_side"),
      config_(named(config, this->name())), array_(make_array(config_)),
      hit_latency_(ps_to_sc(config_.hit_latency.resolve(config_.clock_period_ps))),
      eviction_rng_(config_.seed, config_.name + ".eviction"),
      speculative_rng_(config_.seed, config_.name + ".speculative"), fill_buf_(config_.line, 0) {
  check_rate(config_.eviction_rate, "eviction_rate", config_.name);
  check_rate(config_.speculative_rate, "speculative_rate", config_.name);
  cpu_side.bind(static_cast<tlm::tlm_fw_transport_if<>&>(*this));
}

bool Cache::is_dirty(std::uint64_t addr) const {
  const auto way = array_.lookup(addr);
  return way && array_.dirty(geometry().set_of(addr), *way);
}

void Cache::b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
  p.set_dmi_allowed(false);
  const tlm::tlm_response_status check = check_payload(p, ~std::uint64_t{0});
  if (check != TLM_OK_RESPONSE) {
    p.set_response_status(check);
    return;
  }
  const bool is_write = p.is_write();
  ++(is_write ? stats_.writes : stats_.reads);
  // Before the access, so an adversarial eviction can hit the very line being used.
  if (config_.eviction == CacheConfig::Eviction::kRandom) random_eviction(delay);

  std::uint64_t addr = p.get_address();
  std::uint8_t* data = p.get_data_ptr();
  unsigned remaining = p.get_data_length();
  while (remaining > 0) {
    const unsigned chunk = std::min(remaining, config_.line - geometry().offset_of(addr));
    const tlm::tlm_response_status status = access_line(is_write, addr, data, chunk, delay);
    if (status != TLM_OK_RESPONSE) {
      p.set_response_status(status);
      return;
    }
    addr += chunk;
    data += chunk;
    remaining -= chunk;
  }
  if (config_.speculative_fill) speculative_refill(delay);
  p.set_response_status(TLM_OK_RESPONSE);
}

tlm::tlm_response_status Cache::access_line(bool is_write, std::uint64_t addr, std::uint8_t* data,
                                            unsigned len, sc_core::sc_time& delay) {
  const CacheGeometry& g = geometry();
  const unsigned set = g.set_of(addr);
  const std::uint64_t line_addr = g.line_addr(addr);
  delay += hit_latency_;
  const std::optional<unsigned> found = array_.find(set, g.tag_of(addr));
  const bool hit = found.has_value();
  unsigned way = 0;
  if (hit) {
    ++stats_.hits;
    way = *found;
    array_.touch(set, way);
  } else {
    ++stats_.misses;
    const tlm::tlm_response_status status = allocate(line_addr, false, delay, way);
    if (status != TLM_OK_RESPONSE) return status;
  }

  if (is_write) {
    if (config_.write_policy == CacheConfig::WritePolicy::kWriteThrough) {
      // Memory first: if it refuses the store, the line must not hold data memory never got.
      const tlm::tlm_response_status status =
          mem_transport(tlm::TLM_WRITE_COMMAND, addr, data, len, delay);
      if (status != TLM_OK_RESPONSE) return status;
      ++stats_.write_throughs;
    } else {
      array_.mark_dirty(set, way);
    }
    array_.write(set, way, g.offset_of(addr), data, len);
    notify(delay, [&](CacheObserver& o, std::uint64_t t) { o.on_write(addr, data, len, hit, t); });
    // Write-through: the store is also in memory; reported after the write so observers see the
    // store before its publication.
    if (config_.write_policy == CacheConfig::WritePolicy::kWriteThrough)
      notify(delay, [&](CacheObserver& o, std::uint64_t t) { o.on_writeback(addr, data, len, t); });
  } else {
    array_.read(set, way, g.offset_of(addr), data, len);
    notify(delay, [&](CacheObserver& o, std::uint64_t t) { o.on_read(addr, data, len, hit, t); });
  }

  if (config_.speculative_fill) {
    recent_.record(line_addr);
    const std::uint64_t next = line_addr + config_.line;
    if (!hit && next > line_addr) speculative_fill(next, delay);
  }
  return TLM_OK_RESPONSE;
}

tlm::tlm_response_status Cache::allocate(std::uint64_t line_addr, bool speculative,
                                         sc_core::sc_time& delay, unsigned& way) {
  const unsigned set = geometry().set_of(line_addr);
  way = array_.victim(set);
  if (array_.valid(set, way)) {
    const std::uint64_t victim_addr = array_.line_addr(set, way);
    const bool dirty = array_.dirty(set, way);
    if (dirty) {
      const tlm::tlm_response_status status = write_back(set, way, delay);
      if (status != TLM_OK_RESPONSE) {
        // A demand miss reports this to the core; a background fill has nobody to tell.
        if (speculative)
          SIM_ERROR(name(), "write-back of " << format_hex(victim_addr)
                                             << " for a speculative fill failed: "
                                             << mem_payload_.get_response_string());
        return status;
      }
    }
    array_.invalidate(set, way);
    ++stats_.evictions;
    notify(delay, [&](CacheObserver& o, std::uint64_t t) { o.on_evict(victim_addr, dirty, t); });
  }
  const tlm::tlm_response_status status =
      mem_transport(tlm::TLM_READ_COMMAND, line_addr, fill_buf_.data(), config_.line, delay);
  if (status != TLM_OK_RESPONSE) return status;
  array_.install(line_addr, way, fill_buf_.data());
  ++(speculative ? stats_.speculative_fills : stats_.fills);
  notify(delay, [&](CacheObserver& o, std::uint64_t t) {
    o.on_fill(line_addr, fill_buf_.data(), config_.line, speculative, t);
  });
  return TLM_OK_RESPONSE;
}

tlm::tlm_response_status Cache::write_back(unsigned set, unsigned way, sc_core::sc_time& delay) {
  const std::uint64_t line_addr = array_.line_addr(set, way);
  std::uint8_t* data = array_.data(set, way);
  const tlm::tlm_response_status status =
      mem_transport(tlm::TLM_WRITE_COMMAND, line_addr, data, config_.line, delay);
  if (status != TLM_OK_RESPONSE) return status;
  array_.mark_clean(set, way);
  ++stats_.writebacks;
  notify(delay, [&](CacheObserver& o, std::uint64_t t) {
    o.on_writeback(line_addr, data, config_.line, t);
  });
  return TLM_OK_RESPONSE;
}

tlm::tlm_response_status Cache::mem_transport(tlm::tlm_command cmd, std::uint64_t addr,
                                              std::uint8_t* data, unsigned len,
                                              sc_core::sc_time& delay) {
  mem_payload_.set_command(cmd);
  mem_payload_.set_address(addr);
  mem_payload_.set_data_ptr(data);
  mem_payload_.set_data_length(len);
  mem_payload_.set_streaming_width(len);
  mem_payload_.set_byte_enable_ptr(nullptr);
  mem_payload_.set_byte_enable_length(0);
  mem_payload_.set_dmi_allowed(false);
  mem_payload_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  mem_side->b_transport(mem_payload_, delay);
  const tlm::tlm_response_status status = mem_payload_.get_response_status();
  // A target that forgets to answer must not pass for success upstream.
  return status == tlm::TLM_INCOMPLETE_RESPONSE ? tlm::TLM_GENERIC_ERROR_RESPONSE : status;
}

unsigned Cache::mem_debug(tlm::tlm_command cmd, std::uint64_t addr, std::uint8_t* data,
                          unsigned len) {
  mem_payload_.set_command(cmd);
  mem_payload_.set_address(addr);
  mem_payload_.set_data_ptr(data);
  mem_payload_.set_data_length(len);
  mem_payload_.set_streaming_width(len);
  mem_payload_.set_byte_enable_ptr(nullptr);
  mem_payload_.set_byte_enable_length(0);
  return mem_side->transport_dbg(mem_payload_);
}

unsigned Cache::transport_dbg(tlm::tlm_generic_payload& p) {
  const tlm::tlm_command cmd = p.get_command();
  const std::uint64_t base = p.get_address();
  const unsigned len = p.get_data_length();
  if ((cmd != tlm::TLM_READ_COMMAND && cmd != tlm::TLM_WRITE_COMMAND) || len == 0 ||
      len - 1 > ~std::uint64_t{0} - base)
    return 0;
  // Writes go to memory first; present lines then take the bytes memory accepted, clean or dirty
  // state unchanged, so a later write-back cannot undo a loader's or debugger's write.
  const unsigned span =
      cmd == tlm::TLM_WRITE_COMMAND ? mem_debug(cmd, base, p.get_data_ptr(), len) : len;
  unsigned done = 0;
  while (done < span) {
    const std::uint64_t addr = base + done;
    std::uint8_t* data = p.get_data_ptr() + done;
    const unsigned chunk = std::min(span - done, config_.line - geometry().offset_of(addr));
    const unsigned set = geometry().set_of(addr);
    const std::optional<unsigned> way = array_.find(set, geometry().tag_of(addr));
    if (cmd == tlm::TLM_WRITE_COMMAND) {
      if (way) array_.write(set, *way, geometry().offset_of(addr), data, chunk);
    } else if (way) {
      array_.read(set, *way, geometry().offset_of(addr), data, chunk);
    } else {
      const unsigned got = mem_debug(cmd, addr, data, chunk);
      if (got < chunk) return done + got;
    }
    done += chunk;
  }
  return span;
}

bool Cache::get_direct_mem_ptr(tlm::tlm_generic_payload& p, tlm::tlm_dmi& dmi) {
  // Denied for the whole address space: a DMI pointer would bypass lines, stats and observers.
  p.set_dmi_allowed(false);
  dmi.allow_none();
  dmi.set_start_address(0);
  dmi.set_end_address(~sc_dt::uint64{0});
  return false;
}

tlm::tlm_sync_enum Cache::nb_transport_fw(tlm::tlm_generic_payload& p, tlm::tlm_phase& phase,
                                          sc_core::sc_time& delay) {
  if (phase != tlm::BEGIN_REQ) {
    p.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
    return tlm::TLM_COMPLETED;
  }
  b_transport(p, delay);
  phase = tlm::END_RESP;
  return tlm::TLM_COMPLETED;
}

std::uint64_t Cache::when_ps(const sc_core::sc_time& delay) const {
  return sc_to_ps(sc_core::sc_time_stamp() + delay);
}

} // namespace sim::models
