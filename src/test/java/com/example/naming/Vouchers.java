package com.example.naming;

import org.springframework.stereotype.Service;

/** A deliberately misnamed service, for NamingConventionTest: a plural noun does not say what kind of class it is. */
@Service
class Vouchers {
}
