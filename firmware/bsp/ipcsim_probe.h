/* SPDX-License-Identifier: Apache-2.0 */
/* ipcsim's probe port: the firmware's application tells the message ledger what became of a
   message after its endpoint callback (kept in a slot or a queue, taken, lost), as ipcsim's
   modelled applications do with their probes. The port is a page that exists only in the
   simulator (clusters.remote.core.probe_port; sim/run/firmware_probe_port.h has the register
   map); on silicon these calls must be compiled out (IPCSIM_PROBES undefined). The payload is
   named by its bytes: report the bytes the endpoint got (kept) or the copy the application
   holds (taken, lost). */
#ifndef IPCSIM_FW_PROBE_H
#define IPCSIM_FW_PROBE_H

#include <stddef.h>
#include <stdint.h>

#include "bsp.h"

enum ipcsim_place { IPCSIM_NOWHERE = 0, IPCSIM_SLOT = 1, IPCSIM_QUEUE = 2, IPCSIM_HELD_BUFFER = 3 };
enum ipcsim_reason {
  IPCSIM_SLOT_OVERWRITTEN = 1,
  IPCSIM_QUEUE_FULL = 2,
  IPCSIM_HELD_BUFFER_LEAKED = 3
};

#ifdef IPCSIM_PROBES
static inline void ipcsim_probe(uint32_t event, uint32_t dst, const void* data, size_t len,
                                enum ipcsim_place where, enum ipcsim_reason reason) {
  const uint64_t address = (uint64_t)(uintptr_t)data;
  mmio_write32(BSP_PROBE_PORT + 0x00, dst);
  mmio_write32(BSP_PROBE_PORT + 0x04, (uint32_t)len);
  mmio_write32(BSP_PROBE_PORT + 0x08, (uint32_t)address);
  mmio_write32(BSP_PROBE_PORT + 0x0c, (uint32_t)(address >> 32));
  mmio_write32(BSP_PROBE_PORT + 0x10, (uint32_t)where);
  mmio_write32(BSP_PROBE_PORT + 0x14, (uint32_t)reason);
  mmio_write32(BSP_PROBE_PORT + 0x18, event); /* last: reports the message */
}
#else
static inline void ipcsim_probe(uint32_t event, uint32_t dst, const void* data, size_t len,
                                enum ipcsim_place where, enum ipcsim_reason reason) {
  (void)event, (void)dst, (void)data, (void)len, (void)where, (void)reason;
}
#endif

/* The endpoint `dst` keeps the message it was handed (`data`, `len` as the callback got them). */
static inline void ipcsim_app_kept(uint32_t dst, const void* data, size_t len,
                                   enum ipcsim_place where) {
  ipcsim_probe(1, dst, data, len, where, 0);
}
/* The application took a message (its copy) from where it kept it. */
static inline void ipcsim_app_taken(uint32_t dst, const void* data, size_t len) {
  ipcsim_probe(2, dst, data, len, IPCSIM_NOWHERE, 0);
}
/* The application lost a message it kept (its copy), for `reason`. */
static inline void ipcsim_app_lost(uint32_t dst, const void* data, size_t len,
                                   enum ipcsim_place where, enum ipcsim_reason reason) {
  ipcsim_probe(3, dst, data, len, where, reason);
}

/* The platform's notify: a kick for the peer was written to the mailbox, or found it busy and
   was dropped (what Zephyr's sample does when ipm_send fails). */
static inline void ipcsim_kick_sent(void) {
#ifdef IPCSIM_PROBES
  mmio_write32(BSP_PROBE_PORT + 0x18, 4);
#endif
}
static inline void ipcsim_kick_lost(void) {
#ifdef IPCSIM_PROBES
  mmio_write32(BSP_PROBE_PORT + 0x18, 5);
#endif
}

#endif
