package com.tierpilot.sales.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierpilot.customer.SalesSource;
import com.tierpilot.customer.SalesStateService;
import com.tierpilot.sales.ProspectGradeService;
import com.tierpilot.sales.SalesFixtures;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.ApiContract;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants.TestTenant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The sales state through the REST API, as a CRM or shop system sets it, every answer checked against the document. */
@IntegrationTest
class SalesApiTest {

    @Autowired
    SalesFixtures fixtures;
    @Autowired
    SalesStateService states;
    @Autowired
    ProspectGradeService grades;
    @Autowired
    MockMvc mvc;

    TestTenant shop;
    String token;

    @BeforeEach
    void aCompanyWithACustomerAndAToken() {
        shop = fixtures.companyWith("Sales API Co", "KH/2024/001");
        token = shop.apiToken();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aStateSetThroughTheApiIsGradedAtOnceReadBackAndRecordedAsFromTheApi() throws Exception {
        LocalDate close = grades.today(shop.id()).plusDays(20);
        send("""
                {"stage": "NEGOTIATING", "expectedCloseOn": "%s", "expectedDealSize": 50000, "need": "NOW",
                 "customerType": "IDEAL", "nextFollowUpOn": "%s"}""".formatted(close, close.minusDays(10)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.grade").value("A"))
                .andExpect(jsonPath("$.closeOverdue").value(false));

        mvc.perform(get(java.net.URI.create("/api/v1/customers/KH%2F2024%2F001/sales"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(ApiContract.of(mvc).conforms()).andExpect(status().isOk())
                .andExpect(jsonPath("$.customerCode").value("KH/2024/001"))
                .andExpect(jsonPath("$.stage").value("NEGOTIATING"))
                .andExpect(jsonPath("$.expectedDealSize").value(50000.0))
                .andExpect(jsonPath("$.customerType").value("IDEAL"))
                .andExpect(jsonPath("$.expectedCloseOn").value(close.toString()));
        long id = fixtures.id(shop, "KH/2024/001");
        assertThat(states.history(shop.id(), id, 10)).hasSize(6)
                .allSatisfy(change -> assertThat(change.source()).isEqualTo(SalesSource.API));
    }

    @Test
    void aLostStateWithoutItsReasonAWrongValueAndAnUnknownCustomerAreRefusedWithAReason() throws Exception {
        send("""
                {"stage": "LOST"}""").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("lost")));
        send("""
                {"need": "SOMEDAY"}""").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("need")));
        send("""
                {"expectedDealSize": -5}""").andExpect(status().isUnprocessableContent());
        mvc.perform(put("/api/v1/customers/NOBODY/sales").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType("application/json").content("{}")).andExpect(ApiContract.of(mvc).conforms())
                .andExpect(status().isNotFound());
        long id = fixtures.id(shop, "KH/2024/001");
        assertThat(states.history(shop.id(), id, 10)).isEmpty();
    }

    private ResultActions send(String body) throws Exception {
        return mvc.perform(put(java.net.URI.create("/api/v1/customers/KH%2F2024%2F001/sales"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType("application/json").content(body))
                .andExpect(ApiContract.of(mvc).conforms());
    }
}
