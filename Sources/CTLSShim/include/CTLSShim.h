#pragma once
#include <stdint.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

/// Wrappers for OpenSSL's function-like macros, which Swift cannot import.
long ctls_ctx_set_min_proto_version(SSL_CTX *ctx, int version);
long ctls_ctx_set_max_proto_version(SSL_CTX *ctx, int version);
long ctls_set_tlsext_host_name(SSL *ssl, const char *name);
long ctls_ctx_set_mode(SSL_CTX *ctx, long mode);
uint64_t ctls_op_no_compression(void);
uint64_t ctls_op_no_renegotiation(void);
unsigned long ctls_xn_flag_rfc2253(void);
