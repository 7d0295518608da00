#include "CTLSShim.h"

long ctls_ctx_set_min_proto_version(SSL_CTX *ctx, int version) { return SSL_CTX_set_min_proto_version(ctx, version); }
long ctls_ctx_set_max_proto_version(SSL_CTX *ctx, int version) { return SSL_CTX_set_max_proto_version(ctx, version); }
long ctls_set_tlsext_host_name(SSL *ssl, const char *name) { return SSL_set_tlsext_host_name(ssl, name); }
long ctls_ctx_set_mode(SSL_CTX *ctx, long mode) { return SSL_CTX_set_mode(ctx, mode); }
uint64_t ctls_op_no_compression(void) { return SSL_OP_NO_COMPRESSION; }
uint64_t ctls_op_no_renegotiation(void) { return SSL_OP_NO_RENEGOTIATION; }
unsigned long ctls_xn_flag_rfc2253(void) { return XN_FLAG_RFC2253; }
