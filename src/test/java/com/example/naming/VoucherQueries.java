package com.example.naming;

import org.springframework.stereotype.Component;

/** A deliberately mis-annotated read model, for NamingConventionTest: its name promises a repository bean. */
@Component
class VoucherQueries {
}
