package com.example.naming;

import org.springframework.stereotype.Repository;

/** A deliberately misnamed repository, for NamingConventionTest. */
@Repository
class VoucherStore {
}
